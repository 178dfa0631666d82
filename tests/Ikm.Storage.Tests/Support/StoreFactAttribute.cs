using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Ikm.Storage.Tests.Support;

/// <summary>
/// A contract test: runs once per concrete test class, and is reported skipped when that class has a public static
/// <c>SkipReason</c> that is not null (e.g. no MongoDB to test against). xUnit 2's own <c>Skip</c> is fixed per
/// method, and a contract method is shared by every store, so the decision has to look at the concrete class.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Ikm.Storage.Tests.Support.StoreFactDiscoverer", "Ikm.Storage.Tests")]
public sealed class StoreFactAttribute : FactAttribute;
