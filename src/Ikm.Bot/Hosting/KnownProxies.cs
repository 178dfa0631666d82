using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ikm.Bot.Hosting;

/// <summary>
/// X-Forwarded-For/-Proto are believed only from the proxies listed in ForwardedHeaders__KnownProxies (IP addresses,
/// comma-separated). With none listed the headers are not read at all: ASP.NET Core's middleware with empty lists
/// would believe them from anyone, and with its defaults from any local process.
/// </summary>
internal static class KnownProxies
{
    public const string Key = "ForwardedHeaders:KnownProxies";

    public static IReadOnlyList<IPAddress> From(IConfiguration configuration) =>
        [.. (configuration[Key] ?? "")
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"{Key}: \"{text}\" is not an IP address."))];

    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        var proxies = From(app.Configuration);
        if (proxies.Count == 0)
            return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
            options.KnownProxies.Add(proxy);
        app.UseForwardedHeaders(options);
        return app;
    }
}
