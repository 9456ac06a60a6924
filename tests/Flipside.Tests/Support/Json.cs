using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flipside.Tests.Support;

public static class Json
{
    /// <summary>As the API writes it: camelCase, enums by name.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
