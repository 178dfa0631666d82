using System.Runtime.InteropServices;

namespace Ikm.Bot.Hosting;

/// <summary>
/// glibc's malloc gives each new thread an arena of its own, up to 8 per core, and keeps what is freed in an arena for
/// reuse instead of returning it. SQLite's page caches, the JIT, zlib (workbooks) and Skia (charts) allocate there from
/// whichever thread-pool thread runs them, so every arena keeps its own high-water mark: in the soak benchmark the
/// resident memory outside the managed heap grew ≈ 20 MB in 3 minutes and kept growing (bench/Ikm.Bench/README.md, soak).
/// Elsewhere (musl, Windows, macOS) there is nothing to tune and both calls do nothing.
/// </summary>
internal static class NativeHeap
{
    public const int ArenaLimit = 2;

    /// <summary>mallopt's M_ARENA_MAX.</summary>
    private const int MArenaMax = -8;

    private static readonly bool IsGlibc = OperatingSystem.IsLinux() && HasGlibc();

    /// <summary>
    /// At most <see cref="ArenaLimit"/> arenas from now on (arenas made before stay, so Program calls it first thing).
    /// MALLOC_ARENA_MAX, when set, is the operator's choice and is left alone. True when the limit was applied.
    /// </summary>
    public static bool LimitArenas() =>
        IsGlibc && Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is null && mallopt(MArenaMax, ArenaLimit) == 1;

    /// <summary>Returns the free pages of every arena to the system; true when there were some.</summary>
    public static bool Trim() => IsGlibc && malloc_trim(0) == 1;

    private static bool HasGlibc()
    {
        try
        {
            return gnu_get_libc_version() != IntPtr.Zero;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", ExactSpelling = true)]
    private static extern IntPtr gnu_get_libc_version();

    [DllImport("libc", ExactSpelling = true)]
    private static extern int mallopt(int param, int value);

    [DllImport("libc", ExactSpelling = true)]
    private static extern int malloc_trim(nuint pad);
}
