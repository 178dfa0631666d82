using Ikm.TestKit;

namespace Ikm.Bot.Tests.Support;

public static class ReportReplies
{
    /// <summary>The reply a report request gets at once, in the turn; the report itself follows from the report job.</summary>
    public static async Task ExpectPreparingAsync(this TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        Assert.StartsWith("⏳ Laporan sedang disiapkan", (await user.NextReplyAsync()).Text);
    }

    /// <summary>
    /// A file the report job delivers: built off the update path, so on a loaded 2-core machine it may take longer
    /// than a reply does (the /datasaya test once timed out at 10 s during a parallel build).
    /// </summary>
    public static Task<SentMessage> NextReportAsync(this TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.NextReplyAsync(TimeSpan.FromSeconds(30));
    }
}
