using System.Globalization;
using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Mentoring;

/// <summary>
/// A mentor's "bagikan nomor saya ke IKM" setting, on only while this record exists (default off): the number the
/// mentor gave, sent to the owners of the IKMs assigned to them from then on. Turning it off deletes the record.
/// </summary>
[DocumentCollection("mentor_contacts")]
public sealed class MentorContact : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public long UserId { get; set; }
    /// <summary>E.164 ("+6281234567890").</summary>
    public string Phone { get; set; } = "";
    public DateTimeOffset SharedSince { get; set; }

    public static string IdFor(long userId) => userId.ToString(CultureInfo.InvariantCulture);

    public IReadOnlyDictionary<string, string> Indexes() => DocumentIndex.Of(DocumentIndex.User(UserId));
}
