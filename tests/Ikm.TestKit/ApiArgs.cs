using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Ikm.TestKit;

/// <summary>An uploaded multipart file part.</summary>
internal sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>
/// The parameters of one Bot API call, from wherever the client put them: query string, urlencoded or multipart
/// form (where Telegram.Bot sends objects such as reply_markup as JSON strings), or a JSON body.
/// </summary>
internal sealed class ApiArgs
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UploadedFile> _files = new(StringComparer.Ordinal);

    public static async Task<ApiArgs> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var args = new ApiArgs();
        foreach (var (key, value) in request.Query)
            args._values[key] = JsonValue.Create(value.ToString());

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
                args._values[key] = JsonValue.Create(value.ToString());
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                args._files[file.Name] = new UploadedFile(file.FileName, buffer.ToArray());
            }

            return args;
        }

        using var reader = new StreamReader(request.Body);
        var body = (await reader.ReadToEndAsync(cancellationToken)).Trim();
        if (body.Length == 0)
            return args;

        JsonObject json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject ?? throw BotApiError.BadRequest("can't parse JSON object");
        }
        catch (JsonException)
        {
            throw BotApiError.BadRequest("can't parse JSON object");
        }

        foreach (var (key, value) in json)
            args._values[key] = value?.DeepClone();
        return args;
    }

    public bool Has(string name) => _values.TryGetValue(name, out var node) && node is not null;

    public string? String(string name)
    {
        if (!_values.TryGetValue(name, out var node) || node is null)
            return null;
        return node is JsonValue value && value.TryGetValue(out string? text) ? text : node.ToJsonString();
    }

    public long? Long(string name)
    {
        if (!_values.TryGetValue(name, out var node) || node is null)
            return null;
        if (node is JsonValue value && value.TryGetValue(out long number))
            return number;
        return long.TryParse(String(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw BotApiError.BadRequest($"invalid {name} specified");
    }

    public int? Int(string name) => Long(name) is { } value ? (int)Math.Clamp(value, int.MinValue, int.MaxValue) : null;

    public bool Bool(string name)
    {
        if (!_values.TryGetValue(name, out var node) || node is null)
            return false;
        if (node is JsonValue value && value.TryGetValue(out bool flag))
            return flag;
        return string.Equals(String(name), "true", StringComparison.OrdinalIgnoreCase) || String(name) == "1";
    }

    /// <summary>An object parameter; in forms it arrives as a JSON string.</summary>
    public JsonNode? Json(string name, string errorWhenInvalid)
    {
        if (!_values.TryGetValue(name, out var node) || node is null)
            return null;
        if (node is JsonValue value && value.TryGetValue(out string? text))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                throw BotApiError.BadRequest(errorWhenInvalid);
            }
        }

        return node;
    }

    /// <summary>A file parameter: an uploaded part (directly or via "attach://name"), else null.</summary>
    public UploadedFile? File(string name)
    {
        var reference = String(name);
        if (reference is not null && reference.StartsWith("attach://", StringComparison.Ordinal)
            && _files.TryGetValue(reference["attach://".Length..], out var attached))
            return attached;
        return _files.TryGetValue(name, out var file) ? file : null;
    }
}
