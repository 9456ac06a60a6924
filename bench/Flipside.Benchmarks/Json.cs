using System.Globalization;
using System.Text;

namespace Flipside.Benchmarks;

/// <summary>Writes one flat JSON object per line, numbers in invariant culture.</summary>
public static class Json
{
    public static string Line(params (string Name, object Value)[] fields)
    {
        var sb = new StringBuilder("{");
        foreach (var (name, value) in fields)
        {
            if (sb.Length > 1)
                sb.Append(',');
            sb.Append('"').Append(name).Append("\":");
            sb.Append(value switch
            {
                string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
                double d => Math.Round(d, 3).ToString(CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => "\"" + value + "\"",
            });
        }
        return sb.Append('}').ToString();
    }
}
