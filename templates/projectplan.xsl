<?xml version="1.0" encoding="UTF-8"?>
<!-- kngg: Projectplan (stap 1.2 tot 1.4), vooringevuld met opdracht, startfoto, organisatie en planning -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:include href="common.xsl"/>
  <xsl:param name="today"/>

  <xsl:variable name="p1" select="/kngg-export/phases/phase[@number = 1]/runs/run[1]/steps"/>
  <xsl:variable name="live-sigs" select="/kngg-export/signatures/signature[not(@withdrawn = 'true')]"/>
  <xsl:variable name="people" select="/kngg-export/stakeholders/stakeholder[not(@erased = 'true')]"/>
  <!-- partners: organisaties met iemand die heeft toegezegd of een rol heeft -->
  <xsl:variable name="partners" select="/kngg-export/organisations/organisation[@name = $people[@committed = 'true' or roles/role[not(@until)]]/@organisation]"/>
  <xsl:variable name="areas" select="/kngg-export/phases/phase[@number = 2]/runs/run"/>

  <xsl:template match="/kngg-export">
    <document title="Projectplan Kind naar Gezonder Gewicht" subtitle="Gemeente {@name}">
      <xsl:call-template name="kngg-header"><xsl:with-param name="today" select="$today"/></xsl:call-template>
      <p>Dit plan groeit mee met fase 1: de startfoto (stap 1.2), de gewenste situatie (1.3) en wat daarvoor nodig is (1.4) komen er stap voor stap in. Wat al is vastgelegd staat ingevuld; de rest vult de projectleider met de kerngroep aan. De indeling is een voorstel dat de stappen van de handreiking volgt.</p>

      <h1>1. Aanleiding</h1>
      <p><fill>waarom de gemeente dit oppakt: hoeveel kinderen overgewicht hebben, wat de huidige aanpak oplevert en waar die tekortschiet</fill></p>
      <xsl:call-template name="documents-of">
        <xsl:with-param name="items" select="$p1/step[@id = '1.1']/deliverables/deliverable[@id = '1.1/d2' or @id = '1.1/d3'][@document]"/>
        <xsl:with-param name="intro" select="'Onderbouwing uit stap 1.1:'"/>
      </xsl:call-template>

      <h1>2. Opdracht</h1>
      <xsl:variable name="d1" select="$p1/step[@id = '1.1']/deliverables/deliverable[@id = '1.1/d1']"/>
      <xsl:choose>
        <xsl:when test="$live-sigs[@signoff = '1.1/s1']">
          <p>Schriftelijke toezeggingen van de gemeente (opdrachtgever) en de grootste uitvoerende partner om mensen of geld in te zetten:</p>
          <xsl:call-template name="kngg-signatures-table">
            <xsl:with-param name="sigs" select="$live-sigs[@signoff = '1.1/s1']"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p>Er is nog geen schriftelijke toezegging van gemeente en hoofduitvoerder vastgelegd (ondertekening 1.1/s1). <fill>wie de opdracht geeft en wat er is toegezegd</fill></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$d1/@document">
        <p>De toezegging staat in: <i><xsl:value-of select="$d1/@document"/></i> (klaar op <xsl:value-of select="$d1/@done"/>).</p>
      </xsl:if>
      <p><b>De opdracht in één alinea:</b><xsl:text> </xsl:text><fill>wat het project moet bereiken, voor welke kinderen en gezinnen, binnen welke tijd en welke grenzen</fill></p>
      <p><b>Projectleider:</b><xsl:text> </xsl:text>
        <xsl:variable name="pl" select="stakeholders/stakeholder[roles/role[@role = 'projectleider' and not(@until) and @deputy = 'false']]"/>
        <xsl:choose>
          <xsl:when test="$pl">
            <xsl:for-each select="$pl">
              <xsl:call-template name="kngg-person-name"/> (<xsl:value-of select="@organisation"/>)<xsl:if test="position() != last()">, </xsl:if>
            </xsl:for-each>
            <xsl:for-each select="$live-sigs[@signoff = '1.2/s1'][last()]">, formeel aangesteld op <xsl:value-of select="@date"/> door <xsl:value-of select="@signer"/></xsl:for-each>
          </xsl:when>
          <xsl:otherwise><fill>naam van de projectleider en wie hem of haar aanstelt</fill></xsl:otherwise>
        </xsl:choose>
      </p>

      <h1>3. Startfoto</h1>
      <xsl:call-template name="step-section">
        <xsl:with-param name="id" select="'1.2'"/>
        <xsl:with-param name="fill" select="'de belangrijkste bevindingen: hoe het werkveld nu werkt, wat professionals, ouders en kinderen als knelpunten noemen en waar de aanpak op kan aansluiten'"/>
      </xsl:call-template>

      <h1>4. Gewenste situatie</h1>
      <xsl:call-template name="step-section">
        <xsl:with-param name="id" select="'1.3'"/>
        <xsl:with-param name="fill" select="'de gezamenlijke ambities en hoe de aanpak er op hoofdlijnen uitziet, met kansen en bedreigingen'"/>
      </xsl:call-template>

      <h1>5. Doelgroep en doelen</h1>
      <p>Voor welke kinderen en gezinnen de aanpak is, en wat die moet opleveren. In fase 1 breng je de doelgroep en de behoeften van kind en gezin in kaart (regels 1675-1681); in stap 1.4 baken je de doelgroep en de omvang van het experiment af (activiteit 4: regels 2404-2412).</p>
      <h2>Doelgroep</h2>
      <xsl:choose>
        <xsl:when test="$areas">
          <table>
            <tr><th>Gebied</th><th>Soort</th><th>Doelgroep</th><th>Sinds</th></tr>
            <xsl:for-each select="$areas">
              <tr>
                <td><xsl:value-of select="@label"/></td>
                <td><xsl:call-template name="area-kind"/></td>
                <td><xsl:call-template name="kngg-value-or-fill"><xsl:with-param name="value" select="@target_group"/><xsl:with-param name="fill" select="'doelgroep in dit gebied'"/></xsl:call-template></td>
                <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@started"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p>Er is nog geen gebied of doelgroep voor het experiment vastgelegd. <fill>in welk gebied het experiment komt en voor welke kinderen (leeftijd, mate van overgewicht, bijzondere groepen)</fill></p>
        </xsl:otherwise>
      </xsl:choose>
      <p><b>Omvang van het experiment:</b><xsl:text> </xsl:text><fill>hoeveel gezinnen en professionals meedoen, en hoe lang</fill></p>
      <h2>Doelen</h2>
      <p>Formuleer de doelen SMART: specifiek, meetbaar, acceptabel voor de partners, realistisch en tijdgebonden. Onderscheid de korte, middellange en lange termijn (regels 990-998) en gebruik dezelfde doelen bij monitoring en evaluatie (hoofdstuk 11).</p>
      <table>
        <tr><th>Termijn</th><th>Doel</th><th>Waaraan meetbaar</th><th>Wie staat ervoor</th><th>Bereikt op</th></tr>
        <xsl:call-template name="goal-row"><xsl:with-param name="term" select="'Kort (experiment)'"/></xsl:call-template>
        <xsl:call-template name="goal-row"><xsl:with-param name="term" select="'Middellang'"/></xsl:call-template>
        <xsl:call-template name="goal-row"><xsl:with-param name="term" select="'Lang'"/></xsl:call-template>
      </table>

      <h1>6. Lokale invulling van het landelijk model</h1>
      <p>Het landelijk model beschrijft hoe een lokale netwerkaanpak voor kinderen met overgewicht in elkaar zit (regels 6403-6409). Elke gemeente geeft er een eigen invulling aan en bouwt daarbij zo veel mogelijk voort op wat er lokaal en regionaal al is (regels 1679-1683 en 2934-2936).</p>
      <h2>Centrale zorgverlener</h2>
      <p>De centrale zorgverlener is de spil rond het gezin: hij of zij neemt de brede anamnese af, maakt met het gezin een plan en coördineert de ondersteuning en zorg daarna (regels 3372-3378 en 3451-3455; een voorbeeld uit de praktijk in regels 4228-4240).</p>
      <xsl:variable name="czv" select="$people[roles/role[@role = 'centrale-zorgverlener' and not(@until)]]"/>
      <xsl:choose>
        <xsl:when test="$czv">
          <table>
            <tr><th>Centrale zorgverlener</th><th>Organisatie</th><th>Functie</th><th>Uren per week</th><th>Inbreng</th></tr>
            <xsl:for-each select="$czv">
              <xsl:variable name="r" select="roles/role[@role = 'centrale-zorgverlener' and not(@until)][1]"/>
              <tr>
                <td><xsl:call-template name="kngg-person-name"/><xsl:if test="$r/@deputy = 'true'"> (plaatsvervanger)</xsl:if></td>
                <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@organisation"/></xsl:call-template></td>
                <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@function"/></xsl:call-template></td>
                <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="$r/@hours"/></xsl:call-template></td>
                <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="$r/@contribution"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </table>
          <p><fill>of deze rol bij één beroepsgroep blijft, en wie het overneemt bij een gezin met zware problemen</fill></p>
        </xsl:when>
        <xsl:otherwise>
          <p>Nog niemand heeft de rol centrale zorgverlener. <fill>welke beroepsgroep en welke organisatie deze rol krijgt, hoeveel centrale zorgverleners er nodig zijn en wie het overneemt bij een gezin met zware problemen</fill></p>
        </xsl:otherwise>
      </xsl:choose>
      <h2>Route voor kind en gezin</h2>
      <p>Van het eerste signaal tot de afsluiting: per schakel wie wat doet. Voordat het experiment start, moet deze route van begin tot eind op orde zijn, met genoeg aanbod om na de brede anamnese passende hulp te bieden (regels 3445-3455).</p>
      <table>
        <tr><th>Schakel</th><th>Wat er gebeurt</th><th>Wie</th><th>Afspraken en hulpmiddelen</th></tr>
        <xsl:call-template name="route-row"><xsl:with-param name="link" select="'Signaleren'"/><xsl:with-param name="what" select="'overgewicht wordt opgemerkt en met ouders besproken'"/></xsl:call-template>
        <xsl:call-template name="route-row"><xsl:with-param name="link" select="'Toeleiden'"/><xsl:with-param name="what" select="'het gezin komt bij de centrale zorgverlener, zo nodig na medisch onderzoek'"/></xsl:call-template>
        <xsl:call-template name="route-row"><xsl:with-param name="link" select="'Brede anamnese'"/><xsl:with-param name="what" select="'alle leefgebieden van kind en gezin in beeld'"/><xsl:with-param name="who" select="$czv"/></xsl:call-template>
        <xsl:call-template name="route-row"><xsl:with-param name="link" select="'Plan'"/><xsl:with-param name="what" select="'doelen en afspraken samen met het gezin'"/><xsl:with-param name="who" select="$czv"/></xsl:call-template>
        <xsl:call-template name="route-row"><xsl:with-param name="link" select="'Ondersteuning en zorg'"/><xsl:with-param name="what" select="'passend aanbod, van leefstijl tot medische zorg'"/></xsl:call-template>
        <xsl:call-template name="route-row"><xsl:with-param name="link" select="'Volgen en afsluiten'"/><xsl:with-param name="what" select="'voortgang bespreken, plan bijstellen, afronden of doorverwijzen'"/><xsl:with-param name="who" select="$czv"/></xsl:call-template>
      </table>

      <h1>7. Wat is nodig</h1>
      <xsl:call-template name="step-section">
        <xsl:with-param name="id" select="'1.4'"/>
        <xsl:with-param name="fill" select="'de verandervraagstukken per beroepsgroep, de gekozen oplossingsrichtingen, de prioriteiten en hoe het experiment wordt afgebakend'"/>
      </xsl:call-template>

      <h1>8. Partners: verantwoordelijkheden, rollen en bijdragen</h1>
      <p>Per partner waar hij voor verantwoordelijk is en wat hij inbrengt, afgestemd tussen de beroepsgroepen zodat ieders bijdrage duidelijk is (stap 1.4, activiteit 1: regels 2362-2372). Mensen, rollen en uren komen uit de projectorganisatie zoals die nu is vastgelegd.</p>
      <xsl:choose>
        <xsl:when test="$partners">
          <table>
            <tr><th>Partner</th><th>Verantwoordelijkheid</th><th>Mensen, rollen en inbreng</th><th>Uren per week</th></tr>
            <xsl:for-each select="$partners">
              <xsl:variable name="mine" select="$people[@organisation = current()/@name]"/>
              <xsl:variable name="hours" select="$mine/roles/role[not(@until)]/@hours"/>
              <tr>
                <td>
                  <xsl:value-of select="@name"/>
                  <xsl:choose>
                    <xsl:when test="@lead = 'true' and @lead_named = 'true'"> (hoofduitvoerder)</xsl:when>
                    <xsl:when test="@lead = 'true'"> (hoofduitvoerder, nog niet uitdrukkelijk benoemd)</xsl:when>
                  </xsl:choose>
                </td>
                <td>
                  <xsl:if test="@type = 'gemeente'">opdrachtgever; </xsl:if>
                  <fill>waar deze partner voor verantwoordelijk is</fill>
                </td>
                <td>
                  <!-- wie nu een rol heeft, of heeft toegezegd zonder ooit een rol te hebben gehad
                       (een oud-wethouder spreekt niet meer voor de partner) -->
                  <xsl:for-each select="$mine[roles/role[not(@until)] or (@committed = 'true' and not(roles/role))]">
                    <xsl:call-template name="kngg-person-name"/>
                    <xsl:text>: </xsl:text>
                    <xsl:for-each select="roles/role[not(@until)]">
                      <xsl:value-of select="@title"/><xsl:if test="@contribution"> (<xsl:value-of select="@contribution"/>)</xsl:if><xsl:if test="position() != last()">, </xsl:if>
                    </xsl:for-each>
                    <xsl:if test="not(roles/role[not(@until)])">heeft toegezegd, nog geen rol</xsl:if>
                    <xsl:if test="position() != last()"><br/></xsl:if>
                  </xsl:for-each>
                </td>
                <td>
                  <xsl:choose>
                    <xsl:when test="$hours"><xsl:value-of select="sum($hours)"/></xsl:when>
                    <xsl:otherwise><fill>uren</fill></xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:for-each>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p>Nog geen organisatie heeft toegezegd of iemand in de projectorganisatie. <fill>welke partners meedoen en wat elk van hen inbrengt</fill></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:variable name="others" select="organisations/organisation[not(@id = $partners/@id)]"/>
      <xsl:if test="$others">
        <p>
          <xsl:text>Nog zonder toezegging of rol: </xsl:text>
          <xsl:for-each select="$others"><xsl:value-of select="@name"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>
          <xsl:text>. </xsl:text><fill>of en hoe deze organisaties nog betrokken worden</fill>
        </p>
      </xsl:if>

      <h1>9. Projectorganisatie</h1>
      <p>Wie nu welke rol heeft:</p>
      <xsl:call-template name="kngg-roles-table"/>
      <p><fill>de voorgestelde overlegstructuur: kerngroep, projectgroep, stuurgroep en werkgroepen, en hoe vaak ze bijeenkomen</fill></p>

      <h1>10. Stakeholders</h1>
      <xsl:if test="$people">
        <p>
          <xsl:value-of select="count($people[@committed = 'true'])"/> van de <xsl:value-of select="count($people)"/>
          <xsl:text> stakeholders hebben uitdrukkelijk toegezegd bij te dragen. Alleen geïnformeerd of betrokken zijn telt nog niet als commitment.</xsl:text>
        </p>
      </xsl:if>
      <xsl:call-template name="kngg-stakeholder-table"><xsl:with-param name="people" select="$people"/></xsl:call-template>

      <h1>11. Monitoring en evaluatie</h1>
      <p>Monitoring en evaluatie horen vanaf het begin in het plan, voor het experiment en voor de aanpak als geheel. Betrek iemand met onderzoekservaring en neem de kosten daarvan op in de begroting; de module monitoring helpt bij de opzet (stap 1.4, activiteit 7: regels 2437-2457). Maak ook vanaf het begin iemand eigenaar, met tijd ervoor (regels 1561-1589).</p>
      <xsl:variable name="researchers" select="$people[roles/role[(@role = 'onderzoeksexpert' or @role = 'werkgroep-monitoring') and not(@until)]]"/>
      <p>
        <b>Eigenaar en onderzoeksdeskundigheid:</b><xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="$researchers">
            <xsl:for-each select="$researchers">
              <xsl:call-template name="kngg-person-name"/>
              <xsl:text> (</xsl:text>
              <xsl:for-each select="roles/role[(@role = 'onderzoeksexpert' or @role = 'werkgroep-monitoring') and not(@until)]"><xsl:value-of select="@title"/><xsl:if test="@hours">, <xsl:value-of select="@hours"/> uur per week</xsl:if><xsl:if test="position() != last()">; </xsl:if></xsl:for-each>
              <xsl:if test="@organisation">, <xsl:value-of select="@organisation"/></xsl:if>
              <xsl:text>)</xsl:text>
              <xsl:if test="position() != last()">, </xsl:if>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise><fill>wie eigenaar is van monitoring en evaluatie en wie de onderzoeksdeskundigheid levert</fill></xsl:otherwise>
        </xsl:choose>
      </p>
      <table>
        <tr><th>Onderwerp</th><th>Het experiment</th><th>De hele aanpak</th></tr>
        <xsl:call-template name="monitor-row"><xsl:with-param name="what" select="'Vragen die we willen beantwoorden'"/></xsl:call-template>
        <xsl:call-template name="monitor-row"><xsl:with-param name="what" select="'Gegevens en bronnen (liefst wat er al is, bijvoorbeeld bij de centrale zorgverlener)'"/></xsl:call-template>
        <xsl:call-template name="monitor-row"><xsl:with-param name="what" select="'Nulmeting'"/></xsl:call-template>
        <xsl:call-template name="monitor-row"><xsl:with-param name="what" select="'Wie registreert wat'"/></xsl:call-template>
        <xsl:call-template name="monitor-row"><xsl:with-param name="what" select="'Rapportage: wanneer en aan wie'"/></xsl:call-template>
      </table>
      <p>Gegevens die er al zijn, bijvoorbeeld bij de centrale zorgverlener, of die tijdens een intake of huisbezoek worden verzameld, leveren meer op dan losse vragenlijsten aan ouders (regels 1591-1621). Voor de hele aanpak onderscheidt de module monitoring vijf niveaus: ketenontwikkeling, interprofessionele samenwerking, ondersteuning en zorg, casusregie en logistiek, en kind en gezin (regels 5305-5335).</p>

      <h1>12. Interne communicatie</h1>
      <p>Hoe iedereen binnen het netwerk op de hoogte blijft en betrokken blijft (stap 1.4, activiteit 7: regels 2437-2439).</p>
      <table>
        <tr><th>Voor wie</th><th>Wat</th><th>Hoe en hoe vaak</th><th>Door wie</th></tr>
        <xsl:call-template name="comms-row"><xsl:with-param name="whom" select="'Bestuurders en stuurgroep'"/></xsl:call-template>
        <xsl:call-template name="comms-row"><xsl:with-param name="whom" select="'Managers van de partners'"/></xsl:call-template>
        <xsl:call-template name="comms-row"><xsl:with-param name="whom" select="'Professionals in het experiment'"/></xsl:call-template>
        <xsl:call-template name="comms-row"><xsl:with-param name="whom" select="'Kerngroep, projectgroep en werkgroepen'"/></xsl:call-template>
        <xsl:call-template name="comms-row"><xsl:with-param name="whom" select="'Collega&#8217;s bij de partners die (nog) niet meedoen'"/></xsl:call-template>
      </table>

      <h1>13. Planning per fase</h1>
      <xsl:for-each select="phases/phase">
        <h2>Fase <xsl:value-of select="@number"/>: <xsl:value-of select="@title"/></h2>
        <xsl:choose>
          <xsl:when test="runs/run">
            <xsl:for-each select="runs/run">
              <xsl:if test="@label or @cycle"><h3><xsl:call-template name="kngg-run-name"/></h3></xsl:if>
              <xsl:variable name="run" select="."/>
              <table>
                <tr><th>Stap</th><th>Titel</th><th>Stand</th><th>Afgerond of gepland</th></tr>
                <xsl:for-each select="steps/step">
                  <!-- the plan of this step in this run (kngg plan): phase 1 has
                       neither area nor cycle, phase 2 an area, phases 3-4 a cycle -->
                  <xsl:variable name="planned" select="/kngg-export/plan/planned[@step = current()/@id][(@area and @area = $run/@label) or (@cycle and @cycle = $run/@cycle) or (not(@area) and not(@cycle))]"/>
                  <tr>
                    <td><xsl:value-of select="@id"/></td>
                    <td><xsl:value-of select="@title"/></td>
                    <td><xsl:value-of select="@state"/></td>
                    <td>
                      <xsl:choose>
                        <xsl:when test="@done and $planned">afgerond op <xsl:value-of select="@done"/> (gepland <xsl:value-of select="$planned/@due"/>: <xsl:value-of select="$planned/@deviation"/>)</xsl:when>
                        <xsl:when test="@done">afgerond op <xsl:value-of select="@done"/></xsl:when>
                        <xsl:when test="$planned">gepland op <xsl:value-of select="$planned/@due"/><xsl:if test="$planned/@overdue_days &gt; 0"> (<xsl:value-of select="$planned/@deviation"/>)</xsl:if></xsl:when>
                        <xsl:otherwise><fill>streefdatum</fill></xsl:otherwise>
                      </xsl:choose>
                    </td>
                  </tr>
                </xsl:for-each>
              </table>
            </xsl:for-each>
          </xsl:when>
          <xsl:when test="@number = 2">
            <p>Nog niet begonnen. Na een positief besluit (stap 1.5) volgt per gebied of doelgroep een experiment. <fill>in welk gebied en met welke doelgroep het experiment start, en wanneer</fill></p>
          </xsl:when>
          <xsl:otherwise>
            <p>Nog niet begonnen. <fill>globale verwachting voor deze fase</fill></p>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>

      <h1>14. Begroting</h1>
      <p>Raming van de mensen en middelen, apart voor de opzet (eenmalig) en voor de uitvoering (structureel), afgestemd met managers, uitvoerders en financiers.</p>
      <table>
        <tr><th>Post</th><th>Eenmalig (opzet)</th><th>Structureel (per jaar)</th><th>Wie betaalt</th></tr>
        <xsl:call-template name="budget-row"><xsl:with-param name="post" select="'Projectleiding'"/></xsl:call-template>
        <xsl:call-template name="budget-row"><xsl:with-param name="post" select="'Uren van professionals in het experiment'"/></xsl:call-template>
        <xsl:call-template name="budget-row"><xsl:with-param name="post" select="'Onderzoek, monitoring en evaluatie'"/></xsl:call-template>
        <xsl:call-template name="budget-row"><xsl:with-param name="post" select="'Scholing'"/></xsl:call-template>
        <xsl:call-template name="budget-row"><xsl:with-param name="post" select="'Communicatie en bijeenkomsten'"/></xsl:call-template>
        <tr><td><fill>andere post</fill></td><td><fill>bedrag</fill></td><td><fill>bedrag</fill></td><td><fill>financier</fill></td></tr>
      </table>
      <h2>Vastgelegde financiering</h2>
      <xsl:call-template name="kngg-funding-table">
        <xsl:with-param name="empty" select="'Er is nog geen financiering vastgelegd.'"/>
      </xsl:call-template>

      <h1>15. Borging</h1>
      <p>Denk nu al na over hoe de bijdrage van elke partner een plek krijgt in het gewone werk, zodat de aanpak niet afhangt van projecttijd of projectgeld. Bouw voort op wat er al is en verander alleen wat nodig is (stap 1.4, tips: regels 2471-2479). De volledige organisatorische en financiële borging volgt in fase 4.</p>
      <table>
        <tr><th>Partner</th><th>Hoe de bijdrage in het gewone werk past</th><th>Wat na het project blijft, en wie het betaalt</th></tr>
        <xsl:for-each select="$partners">
          <tr><td><xsl:value-of select="@name"/></td><td><fill>werkprocessen, taken of functies waarin het terechtkomt</fill></td><td><fill>blijvende inzet en financiering</fill></td></tr>
        </xsl:for-each>
        <xsl:if test="not($partners)">
          <tr><td><fill>partner</fill></td><td><fill>werkprocessen, taken of functies waarin het terechtkomt</fill></td><td><fill>blijvende inzet en financiering</fill></td></tr>
        </xsl:if>
      </table>

      <h1>16. Risico's</h1>
      <h2>Continuïteit</h2>
      <xsl:call-template name="kngg-signals">
        <xsl:with-param name="empty" select="'Op dit moment zijn er geen continuïteitsrisico&#8217;s bekend.'"/>
      </xsl:call-template>
      <h2>Essentiële factoren die aandacht vragen</h2>
      <xsl:variable name="low" select="factors/factor[@score and @score &lt;= 2]"/>
      <xsl:variable name="unchecked" select="factors/factor[not(@score)]"/>
      <xsl:choose>
        <xsl:when test="$low or $unchecked">
          <ul>
            <xsl:for-each select="$low">
              <li><xsl:value-of select="@title"/>: score <xsl:value-of select="@score"/> op <xsl:value-of select="@date"/><xsl:if test="@note"> (<xsl:value-of select="@note"/>)</xsl:if></li>
            </xsl:for-each>
            <xsl:if test="$unchecked">
              <li>
                <xsl:text>Nog niet gecheckt: </xsl:text>
                <xsl:for-each select="$unchecked"><xsl:value-of select="@title"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>
              </li>
            </xsl:if>
          </ul>
        </xsl:when>
        <xsl:otherwise><p>Alle essentiële factoren zijn gecheckt en scoren hoger dan 2.</p></xsl:otherwise>
      </xsl:choose>
      <h2>Overige risico's en maatregelen</h2>
      <table>
        <tr><th>Risico</th><th>Kans en gevolg</th><th>Maatregel</th><th>Wie</th></tr>
        <tr><td><fill>risico uit de scenario's van stap 1.4</fill></td><td><fill>klein, middel of groot</fill></td><td><fill>wat we doen om het te voorkomen of op te vangen</fill></td><td><fill>naam</fill></td></tr>
      </table>

      <h1>17. Besluitvorming</h1>
      <h2>Vastgelegde besluiten</h2>
      <xsl:call-template name="kngg-signatures-table">
        <xsl:with-param name="sigs" select="signatures/signature"/>
      </xsl:call-template>
      <h2>Besluiten die nog nodig zijn</h2>
      <xsl:variable name="open" select="readiness/sections/section/rules/rule[@kind = 'getekend' and @met = 'false']"/>
      <xsl:variable name="unsigned" select="$p1/step/signoffs/signoff[not(@id = $live-sigs/@signoff) and not(@id = $open/@id)]"/>
      <xsl:choose>
        <xsl:when test="$open or $unsigned">
          <ul>
            <xsl:for-each select="$open"><li><xsl:call-template name="kngg-without-command"><xsl:with-param name="text" select="@text"/></xsl:call-template></li></xsl:for-each>
            <xsl:for-each select="$unsigned"><li>ondertekening <xsl:value-of select="@id"/> nog niet getekend: <xsl:value-of select="@text"/></li></xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p>Alle ondertekeningen van fase 1 zijn vastgelegd.</p></xsl:otherwise>
      </xsl:choose>
      <p><fill>welk besluit over dit plan wordt gevraagd, van wie (college, raad, besturen) en wanneer</fill></p>

      <xsl:call-template name="kngg-source-note"/>
    </document>
  </xsl:template>

  <!-- Stand van een stap uit fase 1, zijn opleveringen en een invulplek. -->
  <xsl:template name="step-section">
    <xsl:param name="id"/>
    <xsl:param name="fill"/>
    <xsl:variable name="step" select="$p1/step[@id = $id]"/>
    <xsl:call-template name="kngg-step-state">
      <xsl:with-param name="step" select="$step"/>
      <xsl:with-param name="id" select="$id"/>
    </xsl:call-template>
    <xsl:call-template name="kngg-deliverables-table"><xsl:with-param name="step" select="$step"/></xsl:call-template>
    <p><fill><xsl:value-of select="$fill"/></fill></p>
  </xsl:template>

  <!-- Een lijst stukken bij opleveringen. -->
  <xsl:template name="documents-of">
    <xsl:param name="items"/>
    <xsl:param name="intro"/>
    <xsl:if test="$items">
      <p><xsl:value-of select="$intro"/></p>
      <ul>
        <xsl:for-each select="$items">
          <li><i><xsl:value-of select="@document"/></i> (<xsl:value-of select="@id"/>, <xsl:value-of select="@done"/>)</li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <xsl:template name="budget-row">
    <xsl:param name="post"/>
    <tr><td><xsl:value-of select="$post"/></td><td><fill>bedrag</fill></td><td><fill>bedrag</fill></td><td><fill>financier</fill></td></tr>
  </xsl:template>

  <!-- Soort gebied van een run van fase 2. -->
  <xsl:template name="area-kind">
    <xsl:choose>
      <xsl:when test="@area_kind = 'experiment'">experiment</xsl:when>
      <xsl:when test="@area_kind = 'wijk'">nieuwe wijk</xsl:when>
      <xsl:when test="@area_kind = 'doelgroep'">nieuwe doelgroep</xsl:when>
      <xsl:otherwise><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="@area_kind"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="goal-row">
    <xsl:param name="term"/>
    <tr><td><xsl:value-of select="$term"/></td><td><fill>wat er dan bereikt is, zo concreet mogelijk</fill></td><td><fill>indicator en streefwaarde</fill></td><td><fill>partner</fill></td><td><fill>datum</fill></td></tr>
  </xsl:template>

  <!-- Een schakel van de route; who: mensen die deze schakel al vervullen. -->
  <xsl:template name="route-row">
    <xsl:param name="link"/>
    <xsl:param name="what"/>
    <xsl:param name="who" select="/.."/>
    <tr>
      <td><xsl:value-of select="$link"/></td>
      <td><xsl:value-of select="$what"/></td>
      <td>
        <xsl:choose>
          <xsl:when test="$who">centrale zorgverlener: <xsl:for-each select="$who"><xsl:call-template name="kngg-person-name"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each></xsl:when>
          <xsl:otherwise><fill>beroepsgroep en organisatie</fill></xsl:otherwise>
        </xsl:choose>
      </td>
      <td><fill>afspraken, verwijskaart of ander hulpmiddel</fill></td>
    </tr>
  </xsl:template>

  <xsl:template name="monitor-row">
    <xsl:param name="what"/>
    <tr><td><xsl:value-of select="$what"/></td><td><fill>voor het experiment</fill></td><td><fill>voor de hele aanpak</fill></td></tr>
  </xsl:template>

  <xsl:template name="comms-row">
    <xsl:param name="whom"/>
    <tr><td><xsl:value-of select="$whom"/></td><td><fill>welke informatie</fill></td><td><fill>middel en frequentie</fill></td><td><fill>naam</fill></td></tr>
  </xsl:template>
</xsl:stylesheet>
