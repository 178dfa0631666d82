using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ikm.Storage.Tolerance;

/// <summary>
/// Enums as their names, like <see cref="JsonStringEnumConverter"/> (same stored text, "A, B" for flags), but an
/// unknown name or number is read as <see cref="StoredEnums"/>' fallback instead of throwing.
/// </summary>
public sealed class TolerantEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(TolerantEnumConverter<>).MakeGenericType(typeToConvert))!;
}

public sealed class TolerantEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
{
    /// <summary>A null where a value belongs is read as the fallback too.</summary>
    public override bool HandleNull => true;

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return StoredEnums.Parse<TEnum>(reader.GetString());
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return StoredEnums.FromNumber<TEnum>(number);
            default:
                reader.Skip();
                return StoredEnums.Unknown<TEnum>();
        }
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
