# language: de
Funktionalität: Gurken zählen

  Szenario: Gurken essen
    Angenommen ich habe 12 Gurken
    Wenn ich 5 Gurken esse
    Und ich 2 Gurken esse
    Dann habe ich 5 Gurken
    Aber habe ich 5 Gurken
