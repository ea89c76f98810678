<?xml version="1.0" encoding="UTF-8"?>
<!-- kngg: Samenwerkingsovereenkomst (stap 1.6): partijen, inbreng, looptijd en ondertekening -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:include href="common.xsl"/>
  <xsl:param name="today"/>

  <xsl:variable name="p1" select="/kngg-export/phases/phase[@number = 1]/runs/run[1]/steps"/>
  <xsl:variable name="people" select="/kngg-export/stakeholders/stakeholder[not(@erased = 'true')]"/>
  <xsl:variable name="signed" select="/kngg-export/signatures/signature[@signoff = '1.6/s1' and not(@withdrawn = 'true')]"/>
  <xsl:variable name="so" select="/kngg-export/phases/phase[@number = 1]/runs/run[1]/steps/step/signoffs/signoff[@id = '1.6/s1']"/>
  <xsl:variable name="slots" select="$so/slots/slot"/>
  <xsl:variable name="org-slots" select="$slots[@organisation_id]"/>
  <xsl:variable name="mayor-slot" select="$slots[@role = 'wethouder' and not(@organisation_id)][1]"/>
  <!-- Partij is een organisatie uit de set van 1.6/s1 (gekozen, vastgelegd of
       voorgesteld uit de kerngroep) die heeft toegezegd of al getekend heeft.
       Wie alleen geïnformeerd is, heeft zich nog niet verbonden (handreiking
       regels 401-413) en staat niet als partij in de overeenkomst. -->
  <xsl:variable name="committed-orgs" select="$people[@committed = 'true']/@organisation"/>
  <xsl:variable name="slot-orgs" select="/kngg-export/organisations/organisation[@id = $org-slots/@organisation_id]"/>
  <xsl:variable name="parties" select="$slot-orgs[@name = $committed-orgs or @id = $org-slots[@ok = 'true']/@organisation_id]"/>
  <xsl:variable name="pending" select="$slot-orgs[not(@id = $parties/@id)]"/>
  <xsl:variable name="gemeente" select="(/kngg-export/organisations/organisation[@type = 'gemeente'])[1]"/>
  <xsl:variable name="mayors" select="$people[roles/role[@role = 'wethouder' and not(@until)]]"/>

  <xsl:template match="/kngg-export">
    <document title="Samenwerkingsovereenkomst" subtitle="Lokale aanpak Kind naar Gezonder Gewicht in {@name}">
      <xsl:call-template name="kngg-header"><xsl:with-param name="today" select="$today"/></xsl:call-template>
      <p><i>Concept. Stem de tekst vooraf af met elke partij; de besturen tekenen op een gezamenlijk moment.</i></p>

      <h1>1. Partijen</h1>
      <p>Partij zijn de gemeente, vertegenwoordigd door de wethouder, en de organisaties waarvan de bestuurder deze overeenkomst tekent.</p>
      <table>
        <tr><th>Organisatie</th><th>Soort</th><th>Vertegenwoordigd door</th></tr>
        <tr>
          <td>
            <xsl:call-template name="kngg-value-or-fill">
              <xsl:with-param name="value" select="$gemeente/@name"/>
              <xsl:with-param name="fill" select="concat('naam van de gemeente ', @name)"/>
            </xsl:call-template>
          </td>
          <td>Gemeente</td>
          <td><xsl:call-template name="mayor"/></td>
        </tr>
        <xsl:for-each select="$parties">
          <xsl:variable name="slot" select="$org-slots[@organisation_id = current()/@id][1]"/>
          <!-- bestuurders van deze organisatie, zonder wie de rol al kwijt is -->
          <xsl:variable name="board" select="$people[@organisation = current()/@name and @level = 'bestuurlijk' and (not(roles/role) or roles/role[not(@until)])]"/>
          <tr>
            <td><xsl:value-of select="@name"/><xsl:if test="@lead = 'true'"> (hoofduitvoerder)</xsl:if></td>
            <td><xsl:value-of select="@type_title"/></td>
            <td>
              <xsl:choose>
                <xsl:when test="$slot/@ok = 'true'"><xsl:value-of select="$slot/@signer"/>, bestuurder (getekend op <xsl:value-of select="$slot/@date"/>)</xsl:when>
                <xsl:when test="$board">
                  <xsl:for-each select="$board">
                    <xsl:call-template name="kngg-person-name"/><xsl:if test="@function">, <xsl:value-of select="@function"/></xsl:if>
                    <xsl:if test="position() != last()"><br/></xsl:if>
                  </xsl:for-each>
                </xsl:when>
                <xsl:otherwise><fill>naam en functie van de bestuurder</fill></xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
        </xsl:for-each>
        <xsl:if test="not($parties)">
          <tr><td><fill>partnerorganisatie</fill></td><td><fill>soort</fill></td><td><fill>naam en functie van de bestuurder</fill></td></tr>
        </xsl:if>
      </table>
      <p>Hierna samen: de partners.</p>
      <xsl:if test="$pending">
        <p>
          <i>Nog geen partij:</i><xsl:text> </xsl:text>
          <xsl:for-each select="$pending"><xsl:value-of select="@name"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>
          <xsl:choose>
            <xsl:when test="count($pending) = 1">. Deze organisatie hoort bij wie zou moeten tekenen, maar niemand ervan heeft al uitdrukkelijk toegezegd mee te doen. Zij wordt partij zodra dat gebeurt.</xsl:when>
            <xsl:otherwise>. Deze organisaties horen bij wie zou moeten tekenen, maar niemand ervan heeft al uitdrukkelijk toegezegd mee te doen. Zij worden partij zodra dat gebeurt.</xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:if>

      <h1>2. Doel</h1>
      <p>De partners bouwen samen aan een lokale aanpak voor kinderen met overgewicht of obesitas en hun gezinnen, in de lijn van het landelijk model van Kind naar Gezonder Gewicht. Zij verbinden zich aan een volwaardige aanpak, niet aan losse activiteiten.</p>
      <p><fill>de lokale ambities uit het projectplan, in een paar zinnen</fill></p>

      <h1>3. Rol, verantwoordelijkheid en bijdrage per partij</h1>
      <p>Per partij wat zij doet, waar zij voor instaat en wat zij inbrengt. De laatste kolom toont wie nu al een rol in het project heeft, met de afgesproken uren per week.</p>
      <table>
        <tr><th>Partij</th><th>Rol en verantwoordelijkheid</th><th>Bijdrage (mensen, uren, geld)</th><th>Nu in het project</th></tr>
        <xsl:for-each select="$gemeente"><xsl:call-template name="party-row"/></xsl:for-each>
        <xsl:for-each select="$parties"><xsl:call-template name="party-row"/></xsl:for-each>
        <xsl:if test="not($gemeente)">
          <tr><td>Gemeente <xsl:value-of select="@name"/></td><td>opdrachtgever; <fill>verdere rol</fill><br/><fill>waar de gemeente voor instaat</fill></td><td><fill>inzet en bedrag per jaar</fill></td><td>-</td></tr>
        </xsl:if>
      </table>

      <h1>4. Looptijd</h1>
      <p>
        <b>Ingangsdatum:</b><xsl:text> </xsl:text><fill>datum</fill>
        <br/><b>Looptijd:</b><xsl:text> </xsl:text>
        <xsl:choose>
          <!-- de looptijd zoals getekend (kngg signoff, valid-until): per partij -->
          <xsl:when test="$slots[@ok = 'true' and @valid_until]">
            <xsl:for-each select="$slots[@ok = 'true' and @valid_until]">
              <xsl:value-of select="@organisation"/><xsl:if test="not(@organisation)">gemeente</xsl:if>
              <xsl:text>: </xsl:text><xsl:call-template name="kngg-validity"/>
              <xsl:if test="position() != last()">; </xsl:if>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise><fill>aantal jaren, of tot een evaluatiemoment</fill></xsl:otherwise>
        </xsl:choose>
        <br/><b>Evaluatie:</b><xsl:text> </xsl:text><fill>wanneer en door wie de samenwerking wordt geëvalueerd</fill>
        <br/><b>Tussentijds stoppen:</b><xsl:text> </xsl:text><fill>opzegtermijn en wat er dan met lopende afspraken gebeurt</fill>
      </p>

      <h1>5. Verband met het projectplan</h1>
      <xsl:variable name="plan" select="($p1/step[@id = '1.4']/deliverables/deliverable[@document])[last()]"/>
      <p>
        <xsl:text>Deze overeenkomst hoort onlosmakelijk bij het projectplan </xsl:text>
        <xsl:call-template name="kngg-value-or-fill">
          <xsl:with-param name="value" select="$plan/@document"/>
          <xsl:with-param name="fill" select="'titel en versie van het projectplan'"/>
        </xsl:call-template>
        <xsl:text>. Wie tekent, stemt ook in met de uitvoering van dat plan.</xsl:text>
      </p>
      <xsl:variable name="go" select="signatures/signature[@signoff = '1.5/s1' and not(@withdrawn = 'true')][last()]"/>
      <xsl:choose>
        <xsl:when test="$go/@decision = 'go'">
          <p>Het besluit om door te gaan (stap 1.5) is genomen op <xsl:value-of select="$go/@date"/> door <xsl:value-of select="$go/@signer"/><xsl:if test="$go/@document"> (<xsl:value-of select="$go/@document"/>)</xsl:if>.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>Er is nog geen besluit om door te gaan vastgelegd (stap 1.5). <fill>wanneer het besluit wordt verwacht</fill></p>
        </xsl:otherwise>
      </xsl:choose>

      <h1>6. Persoonsgegevens en privacy (AVG)</h1>
      <p>Om kinderen en gezinnen goed te helpen delen de partners gegevens, ook over de grens tussen sociaal domein en zorg. Dat gebeurt alleen op een juridisch verantwoorde manier en volgens de Algemene verordening gegevensbescherming (AVG). De handreiking vraagt hier al aandacht voor bij de voorbereiding van het experiment (stap 2.1, activiteit 1: regels 3384-3390) en werkt het in fase 3 verder uit (uitwisseling van informatie: regels 5510-5522 en 5560-5580). De partners spreken af:</p>
      <ul>
        <li><b>Welke gegevens:</b><xsl:text> </xsl:text><fill>welke gegevens over kind en gezin worden vastgelegd en gedeeld, en met welk doel</fill></li>
        <li><b>Grondslag en toestemming:</b><xsl:text> </xsl:text><fill>op welke grondslag gegevens gedeeld worden en hoe ouders (en waar nodig het kind zelf) worden geïnformeerd en toestemming geven</fill></li>
        <li><b>Eigenaarschap:</b><xsl:text> </xsl:text><fill>welke partij eigenaar is van welke gegevens en van de systemen waarin ze staan</fill></li>
        <li><b>Toegang:</b><xsl:text> </xsl:text><fill>wie welke gegevens mag inzien of gebruiken, wanneer en waarvoor</fill></li>
        <li><b>Manier van delen en beveiliging:</b><xsl:text> </xsl:text><fill>via welk systeem of kanaal, en hoe dat beveiligd is</fill></li>
        <li><b>Monitoring en evaluatie:</b><xsl:text> </xsl:text><fill>welke gegevens voor monitoring en evaluatie gebruikt worden, bij voorkeur niet tot personen herleidbaar</fill></li>
        <li><b>Bewaren en rechten:</b><xsl:text> </xsl:text><fill>hoe lang gegevens bewaard worden en hoe ouders en kinderen inzage, correctie of verwijdering vragen</fill></li>
        <li><b>Nadere afspraken:</b><xsl:text> </xsl:text><fill>of er een privacyconvenant of verwerkersovereenkomst komt, wie die opstelt en wanneer</fill></li>
      </ul>
      <p>Laat dit artikel toetsen door een jurist of privacydeskundige van een van de partners; de handreiking raadt aan een jurist bij de overeenkomst te betrekken (regels 2644-2646) en deskundigen op het gebied van AVG bij de informatie-uitwisseling (regels 5548-5550).</p>

      <h1>7. Overleg, wijzigingen en geschillen</h1>
      <p><fill>hoe de partners bestuurlijk overleggen (bijvoorbeeld in de stuurgroep), hoe de overeenkomst gewijzigd wordt en hoe meningsverschillen worden opgelost</fill></p>

      <h1>8. Ondertekening</h1>
      <table>
        <tr><th>Namens</th><th>Naam</th><th>Datum</th><th>Stand</th></tr>
        <!-- per partij de plaats van 1.6/s1: wie getekend heeft bij naam, anders een invulplek -->
        <xsl:for-each select="$parties">
          <xsl:call-template name="signature-row">
            <xsl:with-param name="slot" select="$org-slots[@organisation_id = current()/@id][1]"/>
            <xsl:with-param name="label" select="concat('Bestuurder van ', @name)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="signature-row">
          <xsl:with-param name="slot" select="$mayor-slot"/>
          <xsl:with-param name="label">
            <xsl:text>Wethouder, namens </xsl:text>
            <xsl:choose>
              <xsl:when test="$gemeente"><xsl:value-of select="$gemeente/@name"/></xsl:when>
              <xsl:otherwise>de gemeente <xsl:value-of select="@name"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <!-- wie verder tekende, buiten de plaatsen om (bijvoorbeeld een tweede bestuurder) -->
        <xsl:for-each select="$signed">
          <xsl:variable name="sig" select="."/>
          <xsl:if test="not($slots[@signer = $sig/@signer and @date = $sig/@date])">
          <tr>
            <td>
              <xsl:value-of select="@role"/><xsl:if test="@as"> (als <xsl:value-of select="@as"/>)</xsl:if>
              <xsl:if test="@organisation">, <xsl:value-of select="@organisation"/></xsl:if>
            </td>
            <td><xsl:value-of select="@signer"/></td>
            <td><xsl:value-of select="@date"/></td>
            <td>getekend<xsl:if test="@document"> in <xsl:value-of select="@document"/></xsl:if></td>
          </tr>
          </xsl:if>
        </xsl:for-each>
        <xsl:if test="not($so/@complete = 'true')">
          <tr><td><fill>andere ondertekenaar, indien nodig</fill></td><td><fill>naam</fill></td><td><fill>datum</fill></td><td>-</td></tr>
        </xsl:if>
      </table>
      <xsl:choose>
        <xsl:when test="$so/@complete = 'true'"><p>Alle vereiste handtekeningen zijn gezet<xsl:if test="$so/@completed_on"> (compleet op <xsl:value-of select="$so/@completed_on"/>)</xsl:if>.</p></xsl:when>
        <xsl:otherwise>
          <xsl:variable name="remark"><xsl:call-template name="kngg-signoff-remark"><xsl:with-param name="signoff" select="'1.6/s1'"/></xsl:call-template></xsl:variable>
          <xsl:if test="string($remark) != ''"><p><i>Let op:</i><xsl:text> </xsl:text><xsl:value-of select="$remark"/>.</p></xsl:if>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$so/warnings/warning">
        <p><i>Let op:</i><xsl:text> </xsl:text><xsl:call-template name="kngg-without-command"><xsl:with-param name="text" select="."/></xsl:call-template></p>
      </xsl:for-each>

      <xsl:call-template name="kngg-source-note"/>
    </document>
  </xsl:template>


  <!-- Rol, verantwoordelijkheid en bijdrage van één partij (de huidige organisatie),
       met wie er nu in de projectorganisatie zit. -->
  <xsl:template name="party-row">
    <xsl:variable name="members" select="$people[@organisation = current()/@name][roles/role[not(@until)]]"/>
    <tr>
      <td><xsl:value-of select="@name"/></td>
      <td>
        <xsl:choose>
          <xsl:when test="@type = 'gemeente'">opdrachtgever; <fill>verdere rol</fill></xsl:when>
          <xsl:when test="@lead = 'true'">hoofduitvoerder; <fill>verdere rol</fill></xsl:when>
          <xsl:otherwise><fill>rol</fill></xsl:otherwise>
        </xsl:choose>
        <br/><fill>waar deze partij voor instaat</fill>
      </td>
      <td><fill>inzet en bedrag per jaar</fill></td>
      <td>
        <xsl:for-each select="$members">
          <xsl:call-template name="kngg-person-name"/>
          <xsl:text> (</xsl:text>
          <xsl:for-each select="roles/role[not(@until)]">
            <xsl:value-of select="@title"/><xsl:if test="@hours">, <xsl:value-of select="@hours"/> uur per week</xsl:if><xsl:if test="position() != last()">; </xsl:if>
          </xsl:for-each>
          <xsl:text>)</xsl:text>
          <xsl:if test="position() != last()"><br/></xsl:if>
        </xsl:for-each>
        <xsl:if test="not($members)">-</xsl:if>
      </td>
    </tr>
  </xsl:template>

  <!-- De vertegenwoordiger van de gemeente: wie als wethouder tekende, anders de
       huidige wethouder uit het register, anders een invulplek. -->
  <xsl:template name="mayor">
    <xsl:choose>
      <xsl:when test="$mayor-slot/@ok = 'true'"><xsl:value-of select="$mayor-slot/@signer"/>, wethouder (getekend op <xsl:value-of select="$mayor-slot/@date"/>)</xsl:when>
      <xsl:when test="$mayors">
        <xsl:for-each select="$mayors"><xsl:call-template name="kngg-person-name"/>, wethouder<xsl:if test="position() != last()"><br/></xsl:if></xsl:for-each>
      </xsl:when>
      <xsl:otherwise><fill>naam van de wethouder</fill></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Eén regel van de ondertekening: getekend (naam, datum) of open (invulplek
       met wie er volgens het register in aanmerking komt). -->
  <xsl:template name="signature-row">
    <xsl:param name="slot"/>
    <xsl:param name="label"/>
    <xsl:variable name="doc" select="$signed[@signer = $slot/@signer and @date = $slot/@date][last()]/@document"/>
    <tr>
      <td><xsl:value-of select="$label"/></td>
      <xsl:choose>
        <xsl:when test="$slot/@ok = 'true'">
          <td><xsl:value-of select="$slot/@signer"/></td>
          <td><xsl:value-of select="$slot/@date"/></td>
          <td>getekend<xsl:if test="$doc"> in <xsl:value-of select="$doc"/></xsl:if><xsl:for-each select="$slot[@valid_until or @region]">; <xsl:call-template name="kngg-validity"/></xsl:for-each></td>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="role-label">
            <xsl:choose>
              <xsl:when test="$slot/@organisation">Bestuurder van <xsl:value-of select="$slot/@organisation"/></xsl:when>
              <xsl:otherwise>Wethouder</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="hint"><xsl:call-template name="kngg-signer-hint"><xsl:with-param name="label" select="string($role-label)"/></xsl:call-template></xsl:variable>
          <td><fill>naam<xsl:if test="string($hint) != ''"> (in het register: <xsl:value-of select="$hint"/>)</xsl:if></fill></td>
          <td><fill>datum</fill></td>
          <td>
            <xsl:choose>
              <xsl:when test="$slot/@decision"><xsl:value-of select="$slot/@decision"/> door <xsl:value-of select="$slot/@signer"/> op <xsl:value-of select="$slot/@date"/>, nog niet geldig</xsl:when>
              <xsl:otherwise>nog niet getekend</xsl:otherwise>
            </xsl:choose>
          </td>
        </xsl:otherwise>
      </xsl:choose>
    </tr>
  </xsl:template>
</xsl:stylesheet>
