using System.Text.Json;
using System.Text.Json.Serialization;

namespace RightsDesk.Core;

/// <summary>The one place that decides how enums and records look on the wire: camelCase names everywhere.</summary>
public static class JsonNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => EnumNames<TEnum>.ToName[value];

    public static bool TryParse<TEnum>(string? name, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return name is not null && EnumNames<TEnum>.FromName.TryGetValue(name, out value);
    }

    public static IEnumerable<string> All<TEnum>() where TEnum : struct, Enum => EnumNames<TEnum>.FromName.Keys;

    public static readonly JsonSerializerOptions Options = CreateOptions(indented: false);
    public static readonly JsonSerializerOptions Indented = CreateOptions(indented: true);

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Nulls are written: the contract says "earliest: date or null", and absent is not the same as null.
            WriteIndented = indented,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new CountryCodeJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static class EnumNames<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> ToName =
            Enum.GetValues<TEnum>().ToDictionary(v => v, v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));

        public static readonly Dictionary<string, TEnum> FromName =
            ToName.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
    }
}

public sealed class CountryCodeJsonConverter : JsonConverter<CountryCode>
{
    public override CountryCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CountryCode.TryParse(reader.GetString(), out var code)
            ? code
            : throw new JsonException("Expected an ISO 3166-1 alpha-2 country code.");

    public override void Write(Utf8JsonWriter writer, CountryCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
