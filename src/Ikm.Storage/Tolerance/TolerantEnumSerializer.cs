using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace Ikm.Storage.Tolerance;

/// <summary>
/// BSON enums as strings (what <c>EnumSerializer(BsonType.String)</c> writes), but an unknown name or number is read as
/// <see cref="StoredEnums"/>' fallback instead of throwing.
/// </summary>
public sealed class TolerantEnumSerializer<TEnum> : StructSerializerBase<TEnum> where TEnum : struct, Enum
{
    public override TEnum Deserialize(BsonDeserializationContext context, BsonDeserializationArgs args)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reader = context.Reader;
        switch (reader.GetCurrentBsonType())
        {
            case BsonType.String:
                return StoredEnums.Parse<TEnum>(reader.ReadString());
            case BsonType.Int32:
                return StoredEnums.FromNumber<TEnum>(reader.ReadInt32());
            case BsonType.Int64:
                return StoredEnums.FromNumber<TEnum>(reader.ReadInt64());
            default:
                reader.SkipValue();
                return StoredEnums.Unknown<TEnum>();
        }
    }

    public override void Serialize(BsonSerializationContext context, BsonSerializationArgs args, TEnum value)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Writer.WriteString(value.ToString());
    }
}
