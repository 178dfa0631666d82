using System.Buffers.Binary;
using Ikm.Scheduler.Digests;
using Ikm.TestKit;

namespace Ikm.Bot.Tests.Demo;

/// <summary>The README's picture is the demo's monthly chart: committed at the size the chart code renders now, with the command that makes it again.</summary>
public sealed class DemoChartImageTests
{
    public const string ImagePath = "docs/img/demo-chart.png";

    [Fact]
    public void CommittedChart_HasTheDimensionsTheChartCodeRenders_AndTheReadmeSaysHowToRegenerateIt()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, ImagePath));
        // PNG: an 8-byte signature, then the IHDR chunk (length, "IHDR", width, height — big-endian).
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        var size = (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        var options = new DigestOptions();
        Assert.True((options.ChartWidth, options.ChartHeight) == size,
            $"{ImagePath} is {size}, the chart is now {(options.ChartWidth, options.ChartHeight)}: regenerate it as the README's Demo section says.");

        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        Assert.Contains($"]({ImagePath})", readme);
        Assert.Contains("dotnet run --project src/Ikm.Bot -- demo", readme);
        Assert.Contains($"{ImagePath}", readme[readme.IndexOf("## Demo", StringComparison.Ordinal)..]);
    }
}
