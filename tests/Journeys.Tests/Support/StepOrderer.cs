using Xunit.Abstractions;
using Xunit.Sdk;

namespace PmfBot.Journeys.Tests.Support;

/// <summary>The journeys share one council whose demo clock only moves forward, so they run in the order of their step.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute(int order) : Attribute
{
    public int Order { get; } = order;
}

public sealed class StepOrderer : ITestCaseOrderer
{
    public const string TypeName = "PmfBot.Journeys.Tests.Support.StepOrderer";
    public const string AssemblyName = "PmfBot.Journeys.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(c => c.TestMethod.Method.GetCustomAttributes(typeof(StepAttribute).AssemblyQualifiedName!)
            .Select(a => (int)a.GetConstructorArguments().Single())
            .Single());
}
