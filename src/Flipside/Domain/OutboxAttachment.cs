using System.Text.RegularExpressions;

namespace Flipside.Domain;

/// <summary>A file sent with an outbox message, such as a calendar invite (<c>text/calendar; method=REQUEST</c>).</summary>
public sealed partial class OutboxAttachment
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public string FileName { get; private set; } = "";
    /// <summary>A MIME type with any parameters, checked here so that one bad value cannot stop a batch at send time.</summary>
    public string ContentType { get; private set; } = "";
    public byte[] Content { get; private set; } = [];

    private OutboxAttachment() { }

    internal OutboxAttachment(string fileName, string contentType, byte[] content)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > 255 || fileName.IndexOfAny(['/', '\\', '\r', '\n', '"']) >= 0)
            throw new DomainException("An attachment needs a plain file name (no folders, quotes or line breaks; at most 255 characters), such as invite.ics.");
        if (contentType.Length > 200 || !MimeType().IsMatch(contentType))
            throw new DomainException($"'{contentType}' is not a content type; use one such as text/calendar; method=REQUEST.");
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    // type/subtype, then any number of ;name=value parameters (a quoted value may hold spaces).
    [GeneratedRegex("""^[A-Za-z0-9][\w!#$&^.+-]*/[A-Za-z0-9][\w!#$&^.+-]*(\s*;\s*[\w!#$&^.+-]+=("[^"\r\n]*"|[\w!#$&^.+-]+))*\s*$""")]
    private static partial Regex MimeType();
}
