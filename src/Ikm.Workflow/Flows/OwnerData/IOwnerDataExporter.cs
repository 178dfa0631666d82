using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Members;

namespace Ikm.Workflow.Flows.OwnerData;

/// <summary>Everything stored about one owner, as handed over by /datasaya.</summary>
public sealed record OwnerDataSnapshot(Member? Member, Business? Business, IReadOnlyList<DiagnosisResponse> Diagnoses, DateTimeOffset ExportedAt);

/// <summary>Writes the owner's data as an XLSX workbook (an adapter: the spreadsheet library stays out of the domain).</summary>
public interface IOwnerDataExporter
{
    byte[] ToXlsx(OwnerDataSnapshot snapshot);
}
