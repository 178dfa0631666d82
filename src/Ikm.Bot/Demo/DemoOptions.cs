namespace Ikm.Bot.Demo;

/// <summary>What the demo replays: the seed, how many weeks, mentors and IKMs per mentor, and where it writes.</summary>
public sealed record DemoOptions
{
    public const int DefaultSeed = 7;

    public int Seed { get; init; } = DefaultSeed;
    public int Weeks { get; init; } = 8;
    /// <summary>One mentor per sentra (abon ikan, olahan kelor, bawang goreng), at most three.</summary>
    public int Mentors { get; init; } = 3;
    /// <summary>The cohort's rule allows five IKMs per mentor.</summary>
    public int IkmsPerMentor { get; init; } = 5;
    public required string DataDirectory { get; init; }

    public string OutputDirectory => Path.Combine(DataDirectory, "out");

    /// <summary>"demo [--seed N] [--weeks N] [--mentors N] [--ikms N]"; null with the reason when an argument is wrong.</summary>
    public static (DemoOptions? Options, string? Error) Parse(IReadOnlyList<string> args, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new DemoOptions { DataDirectory = dataDirectory };
        for (var i = 1; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 1)
                return (null, $"{args[i]} needs a positive number");
            options = args[i] switch
            {
                "--seed" => options with { Seed = value },
                "--weeks" => options with { Weeks = Math.Min(value, 8) },
                "--mentors" => options with { Mentors = Math.Min(value, 3) },
                "--ikms" => options with { IkmsPerMentor = Math.Min(value, 5) },
                _ => null!,
            };
            if (options is null) return (null, $"unknown option {args[i]}");
        }

        return (options, null);
    }
}
