using System.Globalization;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Mentoring;

public enum VisitStatus
{
    CheckedIn,
    /// <summary>Checked out; the logbook is being filled.</summary>
    Logging,
    Completed,
}

[Flags]
public enum VisitFlags
{
    None = 0,
    /// <summary>Checked in farther than the cohort's distance from the production house (a reason is stored).</summary>
    FarFromProductionHouse = 1,
    /// <summary>Shorter than the cohort's minimum hours.</summary>
    Short = 2,
    /// <summary>Logged after the fact, without a check-in.</summary>
    Retro = 4,
    /// <summary>Left checked in past the cohort's limit; closed later with a stated end time.</summary>
    ForgottenCheckOut = 8,
}

public sealed record VisitPhoto(string FileId, string? LocalPath);

/// <summary>One mentor visit at an IKM's production house, and its logbook entry (the logbook pembinaan).</summary>
[DocumentCollection("visits")]
public sealed class Visit : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string CohortId { get; set; } = "";
    public Guid BusinessId { get; set; }
    public long MentorUserId { get; set; }
    public VisitStatus Status { get; set; }
    public VisitFlags Flags { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public GeoPoint? CheckInLocation { get; set; }
    public double? DistanceMeters { get; set; }
    public string? DistanceReason { get; set; }
    /// <summary>A retro visit: why no check-in was made (free text, removed by an erasure).</summary>
    public string? RetroReason { get; set; }
    /// <summary>When the open check-in must be closed (StartedAt + the cohort's limit): a deadline as data, found by a scan.</summary>
    public DateTimeOffset? CloseBy { get; set; }
    public string? Problem { get; set; }
    public string? Mentored { get; set; }
    public string? Result { get; set; }
    public string? NextStep { get; set; }
    public List<string> Areas { get; set; } = [];
    public List<VisitPhoto> Photos { get; set; } = [];
    /// <summary>Set by an erasure: the photo copies under the data directory are to be deleted (by the photo job).</summary>
    public bool PhotoCopiesToDelete { get; set; }

    public TimeSpan? Duration => EndedAt - StartedAt;

    /// <summary>Index value of visits with a photo not yet copied under the data directory (the photo copy job's work list).</summary>
    public const string PhotosToCopy = "to-copy";

    /// <summary>Index value of visits whose photo copies an erasure asked to delete (the photo job's other work list).</summary>
    public const string PhotosToDelete = "to-delete";

    /// <summary>
    /// /hapusdata: removes what names the owner or shows their house — the logbook texts, the check-in location, the
    /// photos (the channel's file ids; the copies on disk are deleted by the photo job) — and keeps the mentor's hours,
    /// dates, areas and flags, linked to the anonymous IKM.
    /// </summary>
    public void Anonymise()
    {
        Problem = null;
        Mentored = null;
        Result = null;
        NextStep = null;
        DistanceReason = null;
        RetroReason = null;
        CheckInLocation = null;
        if (Photos.Count > 0)
            PhotoCopiesToDelete = true;
        Photos = [];
    }

    public IReadOnlyDictionary<string, string> Indexes()
    {
        List<DocumentIndex> indexes = [DocumentIndex.Cohort(CohortId), DocumentIndex.Business(BusinessId), DocumentIndex.Mentor(MentorUserId), DocumentIndex.Status(Status)];
        if (PhotoCopiesToDelete)
            indexes.Add(DocumentIndex.Photos(PhotosToDelete));
        else if (Photos.Any(p => p.LocalPath is null))
            indexes.Add(DocumentIndex.Photos(PhotosToCopy));
        return DocumentIndex.Of(indexes);
    }
}
