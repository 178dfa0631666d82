using Ikm.Workflow.Mentoring;

namespace Ikm.Workflow.Flows.Visits.CheckOut;

/// <summary>A photo the mentor sent, with the visit it goes to (loaded by the reader, so that adding it is a plain step).</summary>
public sealed record NewPhoto(Visit Visit, string FileId);
