using System.Security.Cryptography;

namespace Ikm.Workflow.Mentoring;

public static class ProgramIds
{
    /// <summary>128 random bits, base64url (22 characters): unguessable, and valid as a Telegram /start payload.</summary>
    public static string NewInviteToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A short cohort id (8 hex characters) that fits in button data next to other ids.</summary>
    public static string NewCohortId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>A document id that fits in button data (32 hex characters).</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");
}
