using RightsDesk.Web.Hosting;

var app = RightsDeskWeb.Build(args);
app.Run();

public partial class Program;
