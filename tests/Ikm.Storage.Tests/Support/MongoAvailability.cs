using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ikm.Storage.Tests.Support;

/// <summary>Decides whether the MongoDB contract tests can run: a server given by URL, or a Docker engine to start one.</summary>
public static class MongoAvailability
{
    public const string UrlVariable = "IKM_TEST_MONGO_URL";
    public const string Reason = "MongoDB live tests need IKM_TEST_MONGO_URL or a Docker engine";

    private static readonly Lazy<bool> Docker = new(DockerAnswers);

    public static string? Url => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : null;

    public static bool UseDocker => Url is null && Docker.Value;

    /// <summary>Null when the live tests can run.</summary>
    public static string? SkipReason => Url is not null || Docker.Value ? null : Reason;

    /// <summary>A replica set for the transactional commit, when IKM_TEST_MONGO_URL may be a standalone server.</summary>
    public const string ReplicaSetUrlVariable = "IKM_TEST_MONGO_RS_URL";
    public const string ReplicaSetReason = "MongoDB replica-set live tests need IKM_TEST_MONGO_RS_URL or a Docker engine";

    public static string? ReplicaSetUrl =>
        Environment.GetEnvironmentVariable(ReplicaSetUrlVariable) is { Length: > 0 } url ? url : null;

    public static bool UseDockerReplicaSet => ReplicaSetUrl is null && Docker.Value;

    public static string? ReplicaSetSkipReason => ReplicaSetUrl is not null || Docker.Value ? null : ReplicaSetReason;

    /// <summary>Asks the engine's <c>/_ping</c> (DOCKER_HOST, else the usual sockets), with a short timeout.</summary>
    private static bool DockerAnswers()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] candidates = host is { Length: > 0 }
            ? [host]
            : ["unix:///var/run/docker.sock", $"unix://{home}/.docker/run/docker.sock"];
        return candidates.Any(Pings);
    }

    private static bool Pings(string endpoint)
    {
        try
        {
            var uri = new Uri(endpoint);
            EndPoint target;
            Socket socket;
            if (uri.Scheme == "unix")
            {
                if (!File.Exists(uri.AbsolutePath))
                    return false;
                target = new UnixDomainSocketEndPoint(uri.AbsolutePath);
                socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            }
            else if (uri.Scheme == "tcp")
            {
                target = new DnsEndPoint(uri.Host, uri.Port);
                socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            }
            else
            {
                return false;
            }

            using (socket)
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
            {
                socket.ConnectAsync(target, timeout.Token).AsTask().GetAwaiter().GetResult();
                socket.Send(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"));
                var buffer = new byte[64];
                var read = socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).AsTask().GetAwaiter().GetResult();
                var status = Encoding.ASCII.GetString(buffer, 0, read);
                return status.StartsWith("HTTP/1.", StringComparison.Ordinal) && status.Contains(" 200 ", StringComparison.Ordinal);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or UriFormatException or IOException)
        {
            return false;
        }
    }
}
