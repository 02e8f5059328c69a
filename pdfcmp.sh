for p in /tmp/h/pdf/*.pdf; do b=$(basename $p .pdf); d=${b%%_*}; n=${b#*_}; src=$(ls /tmp/h/$d/$n.* | grep -v gold | head -1); kind=cv; [[ $n == ad* ]] && kind=job
 a=$(curl -s -F file=@$p -F kind=$kind http://127.0.0.1:3999/v1/analyze | node -e 'let s="";process.stdin.on("data",c=>s+=c).on("end",()=>{const j=JSON.parse(s);console.log(j.skills.filter(x=>x.present).map(x=>x.id+(x.requirement?"/"+x.requirement[0]:"")).sort().join(" "))})')
 t=$(curl -s -F file=@$src -F kind=$kind http://127.0.0.1:3999/v1/analyze | node -e 'let s="";process.stdin.on("data",c=>s+=c).on("end",()=>{const j=JSON.parse(s);console.log(j.skills.filter(x=>x.present).map(x=>x.id+(x.requirement?"/"+x.requirement[0]:"")).sort().join(" "))})')
 [ "$a" != "$t" ] && echo "$b | pdf: $a | txt: $t"
done; echo done
