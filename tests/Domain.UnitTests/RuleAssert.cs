using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.UnitTests;

public static class RuleAssert
{
    /// <summary>Asserts that <paramref name="action"/> is refused with the rule's stable code and kind.</summary>
    public static BusinessRuleException AssertBrokenRule(Action action, string code, ErrorKind kind)
    {
        var error = Should.Throw<BusinessRuleException>(action);
        error.Code.ShouldBe(code);
        error.Kind.ShouldBe(kind);
        return error;
    }

    public static BusinessRuleException AssertBrokenRule<T>(Func<T> action, string code, ErrorKind kind) =>
        AssertBrokenRule(() => { _ = action(); }, code, kind);
}
