using RightsDesk.Browser.Tests.Support;
using RightsDesk.Web.Public;

namespace RightsDesk.Browser.Tests.Public;

/// <summary>The public pages the tests visit, in every language the policy publishes them in.</summary>
public static class PublicSite
{
    public static readonly PublicCatalogue Catalogue = PublicCatalogue.Load(Repo.Policy);

    /// <summary>Every kind of public page; one country page stands for all (the HTTP tests fetch every one).</summary>
    public static readonly string[] Pages = ["", "guidelines", "your-data", "guidelines/hk", "transparency", "transparency/pushback", "transparency/impact", "transparency/rdr", "defenders", "defenders/hk"];

    public const int MaxPageBytes = 100 * 1024;

    public static TheoryData<string, string> EveryPageInEveryLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in Catalogue.Languages)
        {
            foreach (var page in Pages)
            {
                data.Add(language.Code, page);
            }
        }

        return data;
    }

    public static string PathOf(string language, string page) => page.Length == 0 ? $"/{language}/" : $"/{language}/{page}";

    public static PublicLanguage Language(string code) => Catalogue.Languages.Single(l => l.Code == code);
}
