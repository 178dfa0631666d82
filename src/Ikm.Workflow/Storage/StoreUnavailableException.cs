using Ikm.Workflow.Members;

namespace Ikm.Workflow.Storage;

/// <summary>The store cannot be reached (disk, network, server down): an outage, retried, never a user's fault.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
