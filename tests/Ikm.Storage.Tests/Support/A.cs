using Ikm.Workflow.Businesses;
using Ikm.Workflow.Conversations;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Storage;

namespace Ikm.Storage.Tests.Support;

/// <summary>Builders for the stored documents. Times are whole milliseconds: MongoDB keeps no finer.</summary>
public static class A
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 8, 30, 15, 123, TimeSpan.FromHours(7));

    public static Conversation Conversation(long chatId, string state = "AskingRevenue")
    {
        var conversation = Ikm.Workflow.Conversations.Conversation.New(chatId, userId: chatId + 1_000_000, "id");
        conversation.Flow = "Onboarding";
        conversation.State = state;
        conversation.UpdatedAt = T0;
        return conversation;
    }

    public static OutgoingMessage Message(string id, long chatId, string text = "Halo", DateTimeOffset? notBefore = null) =>
        new() { Id = id, ChatId = chatId, Text = text, NotBefore = notBefore };

    public static Member Member(long userId, long chatId, MemberRole role = MemberRole.Owner) =>
        new() { UserId = userId, ChatId = chatId, Role = role, Language = "en", JoinedAt = T0, Version = 1 };

    public static ChangeSet Changes(Conversation? conversation, params OutgoingMessage[] outgoing) =>
        new() { Conversation = conversation, Outgoing = outgoing };

    /// <summary>A readable, fixed id: 00000000-0000-0000-0000-00000000000n.</summary>
    public static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    /// <summary>A registered business with every field set.</summary>
    public static Business Business(int id, long ownerUserId) => new()
    {
        Id = Id(id),
        OwnerUserId = ownerUserId,
        OwnerName = "Siti Aminah",
        BusinessName = "Bakpia Bu Siti",
        Products = "Bakpia kacang hijau, bakpia keju",
        Commodity = "makanan",
        Kecamatan = "Kotagede",
        Kelurahan = "Prenggan",
        Location = new GeoPoint(-7.8291234567, 110.4012345678),
        Phone = "+6281234567890",
        Workers = 4,
        MonthlyTurnover = 12_500_000.50m,
        Legality = ["NIB", "PIRT", "Halal"],
        KeepsBooks = true,
        HasBankAccount = true,
        HadBankCredit = false,
        Consent = new ConsentRecord("2025.1", T0.AddMinutes(-5)),
        RegisteredAt = T0,
        UpdatedAt = T0.AddMinutes(1),
    };

    /// <summary>What /hapusdata leaves: owner 0 and no personal fields.</summary>
    public static Business AnonymisedBusiness(int id)
    {
        var business = Business(id, ownerUserId: 0);
        business.OwnerName = null;
        business.BusinessName = null;
        business.Products = null;
        business.Kecamatan = null;
        business.Kelurahan = null;
        business.Location = null;
        business.Phone = null;
        business.HadBankCredit = null;
        business.Consent = null;
        business.Anonymised = true;
        return business;
    }

    /// <summary>A diagnosis in progress, answers given three minutes after it started.</summary>
    public static DiagnosisResponse Diagnosis(int id, long ownerUserId, DateTimeOffset startedAt) => new()
    {
        Id = Id(id),
        OwnerUserId = ownerUserId,
        BusinessId = Id(1000 + id),
        QuestionnaireId = "diagnosis",
        QuestionnaireVersion = "2025.1",
        Status = DiagnosisStatus.InProgress,
        Answers = { ["omzet"] = "1500000", ["alamat.kota"] = "Yogyakarta", ["$catatan"] = "" },
        StartedAt = startedAt,
        LastAnsweredAt = startedAt.AddMinutes(3),
    };

    /// <summary>Finishes <paramref name="diagnosis"/> with scores, as the scorer would.</summary>
    public static DiagnosisResponse Completed(DiagnosisResponse diagnosis, DateTimeOffset at)
    {
        diagnosis.Status = DiagnosisStatus.Completed;
        diagnosis.Answers["pembukuan"] = "tidak";
        diagnosis.LastAnsweredAt = at;
        diagnosis.CompletedAt = at;
        diagnosis.AreaScores = new() { ["production"] = 3.6666666666666665, ["quality"] = 1, ["marketing"] = 4.25 };
        diagnosis.WeakestAreas = ["quality", "production"];
        diagnosis.FromProfile = ["pembukuan"];
        return diagnosis;
    }
}
