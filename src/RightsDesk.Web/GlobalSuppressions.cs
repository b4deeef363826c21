using System.Diagnostics.CodeAnalysis;

// "Public" is the product's word for the pages anyone may read (the folder, the route group, the texts); these
// namespaces are consumed by this assembly and its tests only, never from a language where Public is a keyword.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The public pages' namespace; consumed from C# only.", Scope = "namespace", Target = "~N:RightsDesk.Web.Public")]
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The public pages' namespace; consumed from C# only.", Scope = "namespace", Target = "~N:RightsDesk.Web.Pages.Public")]
