using Ikm.Workflow.Members;

namespace Ikm.Workflow.Flows.OwnerData;

public sealed record OwnerDraft(string Flow, DateTimeOffset UpdatedAt, IReadOnlyDictionary<string, string> Answers);
