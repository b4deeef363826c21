using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Assessment.Checks;

/// <summary>Shutdowns and throttling cut off everyone in an area at once; they are always high risk and contested.</summary>
internal sealed class NetworkDisruptionCheck : IAssessmentCheck
{
    public string Id => "networkDisruption";

    public void Run(AssessmentContext c)
    {
        if (c.Demand.Kind is not DemandKind.NetworkDisruption)
        {
            return;
        }

        c.Fail(Id, FindingCodes.NetworkDisruptionContested, "An order to disrupt the network cuts off a whole population's access to information, emergency services and each other; it is disproportionate by its nature. Challenge it, ask for it in writing with its legal basis and duration, and publish it.", Standards.Shutdowns);
        c.Escalate("network disruption order");
        c.Require(Recommendation.Challenge, "network disruptions are contested");
    }
}
