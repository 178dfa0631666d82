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
}
