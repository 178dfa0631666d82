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

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public const string SkipReasonProperty = "SkipReason";

    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var reason = SkipReasonOf(testMethod.TestClass.Class.ToRuntimeType());
        yield return reason is null
            ? new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)
            : new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason);
    }

    internal static string? SkipReasonOf(Type? testClass) =>
        testClass?.GetProperty(SkipReasonProperty, BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            ?.GetValue(null) as string;
}
