namespace RightsDesk.Web.Public;

/// <summary>Route constraint "publang": the first path segment is a language the public pages are published in.</summary>
public sealed class PublicLanguageConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        if (!values.TryGetValue(routeKey, out var value) || value is not string code)
        {
            return false;
        }

        // Link generation has no request; the pages only ever link to languages from the catalogue.
        return httpContext is null || httpContext.RequestServices.GetRequiredService<PublicCatalogue>().Find(code) is not null;
    }
}
