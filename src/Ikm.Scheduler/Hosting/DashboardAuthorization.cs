using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;
using Ikm.Workflow.Audit;
using Ikm.Workflow.Ports;
using Microsoft.AspNetCore.Http;

namespace Ikm.Scheduler.Hosting;

/// <summary>Who a dashboard request is, by <see cref="DashboardAuthorization.Identify"/>.</summary>
public enum DashboardAccess
{
    Denied,
    /// <summary>Development only: a request from this machine, without credentials.</summary>
    LocalDevelopment,
    /// <summary>The configured credentials were given.</summary>
    SignedIn,
}

/// <summary>
/// Who may open /hangfire. Outside Development only the configured basic-auth credentials, from any address: a reverse
/// proxy on the same host makes every request local, so "local" proves nothing. In Development a request from this
/// machine passes without them. A request with no remote address (not from a socket) is always refused. Each sign-in is
/// recorded in the audit trail once per browser session — a session cookie signed with a key of this process, bound to
/// the account — not on each of the dashboard's many requests; the user name is recorded hashed, the password never.
/// </summary>
public sealed class DashboardAuthorization(SchedulerOptions options, IAuditLog audit, bool development) : IDashboardAsyncAuthorizationFilter
{
    public const string SessionCookie = "ikm-dashboard-session";
    private const string Realm = "Basic realm=\"Ikm.Bot Hangfire\", charset=\"UTF-8\"";

    private readonly byte[] _sessionKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>The id the audit trail records for the configured account: a hash of its user name, never the name.</summary>
    public string AccountId { get; } = AccountIdOf(options.DashboardUser ?? "");

    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        switch (Identify(http))
        {
            case DashboardAccess.LocalDevelopment:
                return true;
            case DashboardAccess.SignedIn:
                if (!HasSession(http))
                {
                    await audit.DashboardSignInAsync(AccountId, http.RequestAborted);
                    StartSession(http);
                }
                return true;
            default:
                // Hangfire answers 401; the challenge makes a browser ask for the credentials.
                http.Response.Headers.WWWAuthenticate = Realm;
                return false;
        }
    }

    public DashboardAccess Identify(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress;
        if (remote is null)
            return DashboardAccess.Denied;
        if (HasValidCredentials(http.Request))
            return DashboardAccess.SignedIn;
        return development && IPAddress.IsLoopback(remote) ? DashboardAccess.LocalDevelopment : DashboardAccess.Denied;
    }

    private bool HasValidCredentials(HttpRequest request)
    {
        if (!options.HasDashboardCredentials)
            return false;
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return false;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return false;
        // Both compared, whatever the first gives, over fixed-length hashes: the time says nothing about either value.
        var user = FixedTimeEquals(decoded[..colon], options.DashboardUser!);
        var password = FixedTimeEquals(decoded[(colon + 1)..], options.DashboardPassword!);
        return user & password;
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private bool HasSession(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(SessionCookie, out var value))
            return false;
        byte[] token;
        try
        {
            token = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return false;
        }

        return token.Length == NonceLength + SHA256.HashSizeInBytes
            && CryptographicOperations.FixedTimeEquals(token.AsSpan(NonceLength), Sign(token.AsSpan(0, NonceLength)));
    }

    private void StartSession(HttpContext http)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        http.Response.Cookies.Append(SessionCookie, Convert.ToBase64String([.. nonce, .. Sign(nonce)]), new CookieOptions
        {
            // No expiry: the browser forgets it when it closes, and a restart of the bot (a new key) ends it too.
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = http.Request.PathBase.HasValue ? http.Request.PathBase.Value : "/",
        });
    }

    private const int NonceLength = 16;

    /// <summary>Bound to the account, so a session started before the credentials changed is not one of the new account.</summary>
    private byte[] Sign(ReadOnlySpan<byte> nonce)
    {
        byte[] message = [.. nonce, .. Encoding.UTF8.GetBytes(AccountId)];
        return HMACSHA256.HashData(_sessionKey, message);
    }

    private static string AccountIdOf(string user) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user)))[..16].ToLower(CultureInfo.InvariantCulture);
}
