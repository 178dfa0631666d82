namespace Ikm.Workflow.Members;

public enum MemberRole
{
    None,
    Owner,
    Mentor,
    Coordinator,
}

/// <summary>A person known to the bot, by channel user id. Holds no name: names live in the business profile.</summary>
public sealed class Member
{
    public long UserId { get; set; }
    public long ChatId { get; set; }
    public MemberRole Role { get; set; }
    public string Language { get; set; } = "id";
    /// <summary>Set when the channel reports the user blocked the bot (Telegram 403).</summary>
    public bool Unreachable { get; set; }
    public long Version { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}

public static class MemberExtensions
{
    /// <summary>A working copy, so a failed update leaves the loaded member untouched.</summary>
    public static Member CloneMember(this Member member) => new()
    {
        UserId = member.UserId,
        ChatId = member.ChatId,
        Role = member.Role,
        Language = member.Language,
        Unreachable = member.Unreachable,
        Version = member.Version,
        JoinedAt = member.JoinedAt,
    };
}
