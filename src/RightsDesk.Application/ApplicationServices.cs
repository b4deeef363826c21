using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Defenders;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Letters;
using RightsDesk.Application.Notices;

namespace RightsDesk.Application;

/// <summary>Registers the use cases. The web host and the CLI both call this, so each runs the same commands.</summary>
public static class ApplicationServices
{
    public static IServiceCollection AddRightsDeskApplication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<Data.Ledger.LedgerWriter>();
        services.AddScoped<AtRiskRegistry>();
        services.AddScoped<NoticePlanner>();
        services.AddScoped<DemandSealing>();
        services.AddScoped<DemandCases>();
        services.AddScoped<DemandDocuments>();
        services.AddScoped<AssessDemand>();
        services.AddScoped<CreateDemand>();
        services.AddScoped<Decide>();
        services.AddScoped<Approve>();
        services.AddScoped<SendBack>();
        services.AddScoped<Fulfil>();
        services.AddScoped<AnswerReceived>();
        services.AddScoped<RecordVerification>();
        services.AddScoped<RequestClarification>();
        services.AddScoped<CloseDemand>();
        services.AddScoped<RecordDemandRead>();
        services.AddScoped<DemandViewQuery>();
        services.AddScoped<ResponseLetters>();
        return services;
    }
}
