namespace Ikm.Workflow.Kernel;

/// <summary>The draft of a flow that collects nothing (a confirmation).</summary>
public sealed record NoDraft;
