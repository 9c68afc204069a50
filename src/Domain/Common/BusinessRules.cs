namespace Crm.Domain.Common;

public static class BusinessRules
{
    /// <summary>Throws <see cref="BusinessRuleException"/> when the rule is broken.</summary>
    public static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleException(rule);
        }
    }
}
