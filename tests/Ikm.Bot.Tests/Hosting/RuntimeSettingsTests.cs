using System.Runtime.InteropServices;
using System.Text.Json;
using Ikm.Bot.Hosting;

namespace Ikm.Bot.Tests.Hosting;

/// <summary>The process settings that keep the bot's resident memory flat (issue 9 item 10, the soak benchmark).</summary>
public sealed class RuntimeSettingsTests
{
    private static readonly bool Glibc = OperatingSystem.IsLinux()
        && File.ReadLines("/proc/self/maps").Any(line => line.EndsWith("/libc.so.6", StringComparison.Ordinal));

    [Fact]
    public void BotRuntimeConfig_UsesServerGcWithoutBackgroundGc()
    {
        // The bot's runtimeconfig is copied next to the tests, as it ships next to the bot.
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ikm.Bot.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
    }

    [Fact]
    public void LimitArenas_AppliesTheLimit_OnGlibcWhenTheOperatorSetNone()
    {
        var operatorSetting = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null;

        Assert.Equal(Glibc && !operatorSetting, NativeHeap.LimitArenas());
    }

    [Fact]
    public void Trim_ReturnsFreedNativeMemory_OnGlibc()
    {
        // 16 MB freed below a block still in use (AllocHGlobal is malloc here): glibc keeps it in the arena until trimmed.
        var blocks = new IntPtr[16 * 1024];
        for (var i = 0; i < blocks.Length; i++)
            blocks[i] = Marshal.AllocHGlobal(1024);
        var kept = Marshal.AllocHGlobal(1024);
        foreach (var block in blocks)
            Marshal.FreeHGlobal(block);

        var trimmed = NativeHeap.Trim();
        Marshal.FreeHGlobal(kept);

        Assert.Equal(Glibc, trimmed);
    }
}
