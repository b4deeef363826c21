namespace RightsDesk.Web.Public;

/// <summary>A language the public pages are published in, as listed in policy/public/languages.json.</summary>
/// <param name="Code">BCP 47 tag; also the first path segment of the page (/fa/guidelines).</param>
/// <param name="Name">The language's own name, as the language switch shows it.</param>
/// <param name="Dir">"ltr" or "rtl".</param>
/// <param name="Templates">The language code of policy/templates used with it (labels, user notices).</param>
public sealed record PublicLanguage(string Code, string Name, string Dir, string Templates)
{
    public bool IsRightToLeft => Dir == "rtl";
}
