Console.Error.WriteLine("Training is not implemented yet.");
return 1;
