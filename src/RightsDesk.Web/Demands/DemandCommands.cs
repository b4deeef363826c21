using RightsDesk.Application.Demands;
using RightsDesk.Application.Letters;

namespace RightsDesk.Web.Demands;

/// <summary>The demand use cases an endpoint or a page may call, bundled for [AsParameters] injection.</summary>
public sealed class DemandCommands(
    DemandCases cases,
    CreateDemand create,
    DemandDocuments documents,
    AssessDemand assess,
    Decide decide,
    Approve approve,
    SendBack sendBack,
    Fulfil fulfil,
    AnswerReceived answer,
    RecordVerification verify,
    CloseDemand close,
    RecordDemandRead read,
    DemandViewQuery view,
    ResponseLetters letters)
{
    public DemandCases Cases => cases;
    public CreateDemand Create => create;
    public DemandDocuments Documents => documents;
    public AssessDemand Assess => assess;
    public Decide Decide => decide;
    public Approve Approve => approve;
    public SendBack SendBack => sendBack;
    public Fulfil Fulfil => fulfil;
    public AnswerReceived Answer => answer;
    public RecordVerification Verify => verify;
    public CloseDemand Close => close;
    public RecordDemandRead Read => read;
    public DemandViewQuery View => view;
    public ResponseLetters Letters => letters;
}
