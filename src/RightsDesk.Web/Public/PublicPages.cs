using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.WebEncoders;
using RightsDesk.Web.Hosting;

namespace RightsDesk.Web.Public;

/// <summary>
/// The anonymous public pages: the home page, the guidelines for authorities (one page per country too) and the page
/// for users. Each answers at /{lang}/… and, without a language, negotiates one from Accept-Language.
/// </summary>
public static class PublicPages
{
    public const string LanguageConstraint = "publang";

    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        // MVC finds pages in the entry assembly and its dependencies; under `rightsdesk serve` the entry assembly is the
        // CLI, and the pages of this one were not found. Add it once, whoever started the host.
        services.AddMvcCore().ConfigureApplicationPartManager(m =>
        {
            var web = typeof(PublicPages).Assembly;
            if (!m.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == web))
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(web).GetApplicationParts(web))
                {
                    m.ApplicationParts.Add(part);
                }
            }
        });
        services.AddSingleton(sp => PublicCatalogue.Load(sp.GetRequiredService<PolicyProvider>().Directory));
        // Load the texts when the host starts, so a missing translation file stops the start with its name.
        services.AddTransient<IStartupFilter, CatalogueCheck>();
        // The stylesheet ships inside the assembly too: a host started from the command line has no wwwroot next to it.
        services.AddOptions<StaticFileOptions>().Configure<IWebHostEnvironment>((o, env) =>
            o.FileProvider ??= new CompositeFileProvider(env.WebRootFileProvider, new EmbeddedFileProvider(typeof(PublicPages).Assembly, "RightsDesk.Web.wwwroot")));
        services.Configure<RouteOptions>(o => o.SetParameterPolicy<PublicLanguageConstraint>(LanguageConstraint));
        // Razor escapes every non-Latin character as an entity by default, which triples the size of an Arabic,
        // Persian or Russian page; UTF-8 carries them as they are (markup characters are still escaped).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RazorPagesOptions>(o =>
        {
            var lang = "{lang:" + LanguageConstraint + "}";
            o.Conventions.AddPageRoute("/Public/Index", lang);
            o.Conventions.AddPageRoute("/Public/Guidelines", lang + "/guidelines");
            o.Conventions.AddPageRoute("/Public/Country", lang + "/guidelines/{country}");
            o.Conventions.AddPageRoute("/Public/YourData", lang + "/your-data");
            o.Conventions.AddPageRoute("/Public/Transparency", lang + "/transparency");
            o.Conventions.AddPageRoute("/Public/Pushback", lang + "/transparency/pushback");
            o.Conventions.AddPageRoute("/Public/Impact", lang + "/transparency/impact");
            o.Conventions.AddPageRoute("/Public/Rdr", lang + "/transparency/rdr");
            o.Conventions.AddPageRoute("/Public/Takedowns", lang + "/transparency/takedowns");
            o.Conventions.AddPageRoute("/Public/Takedown", lang + "/transparency/takedowns/{country}/{year}/{file}");
            o.Conventions.AddPageRoute("/Public/Appeal", lang + "/appeal");
            o.Conventions.AddPageRoute("/Public/Incident", lang + "/incident");
            o.Conventions.AddPageRoute("/Public/IncidentStatus", lang + "/incident/status");
            o.Conventions.AddPageRoute("/Public/PartnerApply", lang + "/partners/apply");
            o.Conventions.AddPageRoute("/Public/Defenders", lang + "/defenders");
            o.Conventions.AddPageRoute("/Public/DefenderGuidance", lang + "/defenders/{country}");
            o.Conventions.AddPageRoute("/Public/Notice", lang + "/notice");
            o.Conventions.AddPageRoute("/Public/NoticeComplaint", lang + "/notice/complaint");
        });
        return services;
    }

    private sealed class CatalogueCheck(PublicCatalogue catalogue) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
        {
            _ = catalogue.Languages;
            return next;
        }
    }
}
