using System.Globalization;

namespace Flipside.Benchmarks;

/// <summary>"--name value" command-line options.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> _values = [];

    public Arguments(string[] args)
    {
        for (int k = 0; k < args.Length; k++)
        {
            if (!args[k].StartsWith("--", StringComparison.Ordinal) || k + 1 >= args.Length)
                throw new ArgumentException($"expected '--option value', got '{args[k]}'");
            _values[args[k][2..]] = args[++k];
        }
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback) => _values.TryGetValue(name, out var value)
        ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n : throw new ArgumentException($"--{name} must be a positive whole number, got '{value}'")
        : fallback;
}
