using RightsDesk.Application.Demands;

namespace RightsDesk.Web.Demands;

/// <summary>The work-management use cases the demand page offers beside the workflow: assignment and notes.</summary>
public sealed class CaseWork(Assign assign, CaseNotes notes, Colleagues colleagues)
{
    public Assign Assign => assign;
    public CaseNotes Notes => notes;
    public Colleagues Colleagues => colleagues;
}
