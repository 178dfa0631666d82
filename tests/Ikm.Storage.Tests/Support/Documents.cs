using System.Collections;
using System.Globalization;
using System.Reflection;
using Ikm.Workflow.Documents;

namespace Ikm.Storage.Tests.Support;

/// <summary>
/// Documents of any registered type with every property set to a non-default value derived from a seed (two seeds give
/// different values), and a deep comparison. Both work by reflection, so a type added to <c>DocumentTypes.All</c> is
/// covered by the round-trip and index tests without a new builder.
/// </summary>
public static class Documents
{
    public static T Filled<T>(int seed, string? id = null) where T : class, IDocument => (T)Filled(typeof(T), seed, id);

    public static IDocument Filled(Type type, int seed, string? id = null)
    {
        var document = (IDocument)Value(type, seed, "doc");
        var key = id ?? $"{type.Name.ToLowerInvariant()}-{seed}";
        var idProperty = type.GetProperty(nameof(IDocument.Id))!;
        idProperty.SetValue(document, idProperty.PropertyType == typeof(Guid) ? OrderedGuid(key) : key);
        // The version is the store's: a new document starts at 0.
        document.Version = 0;
        return document;
    }

    /// <summary>
    /// A Guid key for a string key (up to 16 ASCII characters): its bytes, big-endian, so the Guid's "D" form sorts as
    /// the string does and an id-order assertion holds for Guid-keyed documents too.
    /// </summary>
    public static Guid OrderedGuid(string key)
    {
        var bytes = new byte[16];
        System.Text.Encoding.ASCII.GetBytes(key, 0, Math.Min(key.Length, 16), bytes, 0);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Every public property, recursively: lists item by item, our own classes and records field by field.</summary>
    public static void AssertEquivalent(object? expected, object? actual, string path = "")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }
        var type = expected.GetType();
        Assert.True(type == actual.GetType(), $"{path}: expected a {type.Name}, got a {actual.GetType().Name}");
        if (IsLeaf(type))
        {
            Assert.True(Equals(expected, actual), $"{path}: expected {expected}, got {actual}");
            return;
        }
        if (expected is IEnumerable expectedItems)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            Assert.True(left.Count == right.Count, $"{path}: expected {left.Count} items, got {right.Count}");
            for (var i = 0; i < left.Count; i++)
                AssertEquivalent(left[i], right[i], $"{path}[{i}]");
            return;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
                AssertEquivalent(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
        }
    }

    /// <summary>Fails on a settable property left at its default: then a round trip could not tell it was lost.</summary>
    public static void AssertEverythingSet(object value, string path = "")
    {
        var type = value.GetType();
        if (IsLeaf(type))
        {
            var empty = type == typeof(string) ? "" : Activator.CreateInstance(type);
            Assert.False(Equals(value, empty), $"{path} has its default value");
            return;
        }
        if (value is IEnumerable items)
        {
            var list = items.Cast<object?>().ToList();
            Assert.True(list.Count > 0, $"{path} is empty");
            for (var i = 0; i < list.Count; i++)
                AssertEverythingSet(list[i] ?? throw new InvalidOperationException($"{path}[{i}] is null"), $"{path}[{i}]");
            return;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            if (property.Name == nameof(IDocument.Version))
                continue;
            var child = property.GetValue(value);
            Assert.True(child is not null, $"{path}.{property.Name} is null");
            AssertEverythingSet(child, $"{path}.{property.Name}");
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly)
        || type == typeof(TimeOnly) || type == typeof(TimeSpan);

    private static object Value(Type type, int seed, string name)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        // Distinct per property and per seed, and shared by two documents of the same seed (so they share index values).
        var n = seed * 1000 + (StableHash(name) & 0x7FFFFFFF) % 997;
        if (type == typeof(string))
            return $"{name} — nilai {n} ✓";
        if (type == typeof(int))
            return n;
        if (type == typeof(long))
            return 9_000_000_000L + n;
        if (type == typeof(double))
            return n + 0.123456789;
        if (type == typeof(decimal))
            return n + 0.25m;
        if (type == typeof(bool))
            return true;
        if (type == typeof(Guid))
            return A.Id(n);
        // Whole milliseconds, in WIB: a store keeping only the instant (MongoDB) must still compare equal.
        if (type == typeof(DateTimeOffset))
            return A.T0.AddDays(seed).AddMinutes(n);
        if (type == typeof(DateOnly))
            return new DateOnly(2026, 1, 5).AddDays(n);
        if (type.IsEnum)
            return EnumValue(type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            var item = type.GetGenericArguments()[0];
            list.Add(Value(item, seed, name + "[0]"));
            list.Add(Value(item, seed, name + "[1]"));
            return list;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(type)!;
            var arguments = type.GetGenericArguments();
            dictionary.Add(Value(arguments[0], seed, name + ".key"), Value(arguments[1], seed, name + ".value"));
            return dictionary;
        }
        if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            throw new NotSupportedException($"No test value for {type} ({name}): teach Support/Documents.cs.");

        var parameterless = type.GetConstructor(Type.EmptyTypes);
        if (parameterless is null)
        {
            // A positional record: its constructor takes every property.
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            return constructor.Invoke(constructor.GetParameters()
                .Select(p => Value(p.ParameterType, seed, $"{name}.{p.Name}")).ToArray());
        }
        var instance = parameterless.Invoke(null);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            property.SetValue(instance, Value(property.PropertyType, seed, $"{name}.{property.Name}"));
        return instance;
    }

    /// <summary>A [Flags] enum gets every flag at once (stored as a combination); any other enum its last, non-default member.</summary>
    private static object EnumValue(Type type)
    {
        var values = Enum.GetValues(type).Cast<object>().ToList();
        if (type.IsDefined(typeof(FlagsAttribute), false))
        {
            var all = values.Aggregate(0L, (acc, v) => acc | Convert.ToInt64(v, CultureInfo.InvariantCulture));
            return Enum.ToObject(type, all);
        }
        return values[^1];
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
            hash = unchecked(hash * 31 + c);
        return hash;
    }
}
