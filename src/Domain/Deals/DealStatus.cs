namespace Crm.Domain.Deals;

public enum DealStatus
{
    New,
    InProgress,
    Won,
    Lost,
}

/// <summary>The pipeline's stages, in order.</summary>
public enum DealStage
{
    Qualification,
    Proposal,
    Negotiation,
    Closed,
}
