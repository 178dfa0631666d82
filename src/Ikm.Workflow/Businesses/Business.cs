using Ikm.Workflow.Documents;
using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Businesses;

/// <summary>What the owner agreed to, and when: the consent text has a version so a later change of wording is visible.</summary>
public sealed record ConsentRecord(string TextVersion, DateTimeOffset AcceptedAt);

/// <summary>
/// An IKM's business profile, from the registration flow. Personal fields (names, phone, address, location) are
/// removed by /hapusdata; what remains (commodity, size, legality, scores) is anonymous and kept for the program's figures.
/// </summary>
[DocumentCollection("businesses")]
public sealed class Business : IDocument
{
    public Guid Id { get; set; }
    /// <summary>The owner's channel user id; 0 once the owner erased their data.</summary>
    public long OwnerUserId { get; set; }
    public long Version { get; set; }
    public string? OwnerName { get; set; }
    public string? BusinessName { get; set; }
    public string? Products { get; set; }
    public string Commodity { get; set; } = "";
    public string? Kecamatan { get; set; }
    public string? Kelurahan { get; set; }
    public GeoPoint? Location { get; set; }
    public string? Phone { get; set; }
    public int Workers { get; set; }
    public decimal MonthlyTurnover { get; set; }
    public List<string> Legality { get; set; } = [];
    public bool KeepsBooks { get; set; }
    public bool HasBankAccount { get; set; }
    public bool? HadBankCredit { get; set; }
    public ConsentRecord? Consent { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool Anonymised { get; set; }

    string IDocument.Id => DocumentIds.Of(Id);

    /// <summary>An anonymised business (owner 0) belongs to nobody: it is found by no owner.</summary>
    public IReadOnlyDictionary<string, string> Indexes() =>
        OwnerUserId == 0 ? DocumentIndex.Of() : DocumentIndex.Of(DocumentIndex.Owner(OwnerUserId));
}
