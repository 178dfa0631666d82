using Ikm.Workflow.Flows.OwnerData;
using Ikm.Workflow.Members;

namespace Ikm.Workflow.Ports;

/// <summary>Writes the owner's data as an XLSX workbook (an adapter: the spreadsheet library stays out of the domain).</summary>
public interface IOwnerDataExporter
{
    byte[] ToXlsx(OwnerDataSnapshot snapshot);
}
