using System.Runtime.CompilerServices;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Letters;
using RightsDesk.Core.Policy;

namespace RightsDesk.Web.Pages.Desk;

/// <summary>The desk's words (<see cref="DeskWords"/>) for the policy in force, so an edited label shows at once.</summary>
public sealed class DeskText(PolicyProvider policy)
{
    private static readonly ConditionalWeakTable<PolicySet, DeskWords> Cache = [];

    public DeskWords Words => Cache.GetValue(policy.Current, DeskWords.For);
}
