using Ikm.Workflow.Storage;

namespace Ikm.Workflow.Ports;

/// <summary>
/// Copies of delivered files that stay on this machine: the local chat writes every file it "sends" into the data
/// directory, so that it can be opened. An owner's erasure reaches them too, once it is committed.
/// </summary>
public interface ISentFileCopies
{
    /// <summary>Deletes the copies sent to the erased owner's chat and every copy that names them (looking inside XLSX files).</summary>
    void Erase(OutboxErasure erasure);
}
