namespace Flipside.Domain;

/// <summary>
/// Text that other people see on one line (names, titles) must read the way it is stored. Direction overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) let "Leaders \u202eTXT.exe" display as "Leaders exe.TXT";
/// zero-width and invisible characters (U+200B–U+200D, U+2060, U+FEFF) and control characters make two names that
/// look the same differ. Such text is refused, not silently changed, so the person who typed it knows why.
/// </summary>
public static class VisibleText
{
    public const string Message = "Remove the invisible or text-direction characters (such as a right-to-left override or a zero-width space): names must read as they are stored.";

    public static bool IsHidden(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C'
        or (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    /// <summary>
    /// True when the text holds a character that hides, reorders or controls what is shown. Line breaks and tabs are
    /// whitespace anyone can see (a quoted CSV title such as "Head of⏎Sales"), so they pass.
    /// </summary>
    public static bool HasHidden(string? text) => text is not null && text.Any(IsHidden);
}
